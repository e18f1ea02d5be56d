"""Readiness (the database answers, is migrated to head and holds a dataset), and what
the service and its dataset are (`/v1/meta`)."""

from typing import Any

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app import __version__
from app.core.models import DatasetVersion
from app.rendering import RESOURCES, render_version

# The newest migration. Written here rather than read from migrations/ at start, because
# importing Alembic costs the serving process an eighth of a second; a test checks that
# it names Alembic's head.
HEAD_REVISION = "search_index"


def readiness(engine: Engine) -> tuple[str | None, str]:
    """(None, the dataset's version) when ready; otherwise (why not, in words, "")."""
    try:
        with engine.connect() as conn:
            current = _current_revision(conn)
            if current != HEAD_REVISION:
                return f"the database is at migration {current}, not head {HEAD_REVISION}", ""
            row = conn.execute(DatasetVersion.__table__.select()).first()  # type: ignore[attr-defined]
            if row is None:
                return "the database holds no dataset: run `python -m seeds`", ""
            if row.render_version != render_version():
                return (
                    "the stored documents were rendered by another version of the service: "
                    "run `python -m seeds`"
                ), ""
    except SQLAlchemyError as exc:
        return f"the database is unreachable ({type(exc).__name__})", ""
    return None, row.version


def _current_revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        conn.rollback()
        return None


def about(session: Session) -> dict[str, Any] | None:
    """The service's and the dataset's versions and what the dataset holds (records per
    resource, by the name of its path); None when nothing was seeded."""
    revision = _current_revision(session.connection())
    if revision is None:  # not migrated: no dataset either
        return None
    row = session.execute(select(DatasetVersion)).scalars().first()
    if row is None:
        return None
    return {
        "api_version": __version__,
        "schema_revision": revision,
        "dataset": {
            "version": row.version,
            "seeded_at": row.seeded_at,
            "counts": {r.plural: row.counts.get(r.kind, 0) for r in RESOURCES},
        },
    }
