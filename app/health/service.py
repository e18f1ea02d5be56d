"""Readiness: the database answers, is migrated to head and holds a dataset."""

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.core.config import PROJECT_ROOT
from app.core.dataset import DatasetVersion
from app.rendering import render_version


def head_revision() -> str | None:
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    return ScriptDirectory.from_config(config).get_current_head()


def readiness_problem(engine: Engine, head: str | None) -> str | None:
    """None when ready; otherwise why not, in words."""
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
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


def current_data_version(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            row = conn.execute(DatasetVersion.__table__.select()).first()  # type: ignore[attr-defined]
    except SQLAlchemyError:
        return None
    return row.version if row else None
