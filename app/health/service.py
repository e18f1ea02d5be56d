"""Readiness: the database answers, is migrated to head and holds a dataset."""

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from app.core.models import DatasetVersion
from app.rendering import render_version

# The newest migration. Written here rather than read from migrations/ at start, because
# importing Alembic costs the serving process an eighth of a second; a test checks that
# it names Alembic's head.
HEAD_REVISION = "search_index"


def head_revision() -> str:
    return HEAD_REVISION


def readiness_problem(engine: Engine, head: str | None) -> str | None:
    """None when ready; otherwise why not, in words."""
    try:
        with engine.connect() as conn:
            current = _current_revision(conn)
            if current != head:
                return f"the database is at migration {current}, not head {head}"
            row = conn.execute(DatasetVersion.__table__.select()).first()  # type: ignore[attr-defined]
            if row is None:
                return "the database holds no dataset: run `python -m seeds`"
            if row.render_version != render_version():
                return (
                    "the stored documents were rendered by another version of the service: "
                    "run `python -m seeds`"
                )
    except SQLAlchemyError as exc:
        return f"the database is unreachable ({type(exc).__name__})"
    return None


def _current_revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        conn.rollback()
        return None


def current_data_version(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            row = conn.execute(DatasetVersion.__table__.select()).first()  # type: ignore[attr-defined]
    except SQLAlchemyError:
        return None
    return row.version if row else None
