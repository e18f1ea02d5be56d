"""Readiness (the database answers, is migrated to head and holds a dataset), and what
the service and its dataset are (`/v1/meta`)."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app import __version__
from app.core.deadlines import deadline
from app.core.engine import outage
from app.core.errors import OUTAGES
from app.core.models import DatasetVersion
from app.rendering import RESOURCES, render_version

# The newest migration. Written here rather than read from migrations/ at start, because
# importing Alembic costs the serving process an eighth of a second; a test checks that
# it names Alembic's head.
HEAD_REVISION = "basis"


def readiness(engine: Engine, timeout: float) -> tuple[str | None, str]:
    """(None, the dataset's version) when ready; otherwise (why not, in words, ""). The
    database's own waits are bounded by `timeout`, the caller's wait for this by its own."""
    try:
        with engine.connect() as conn, _waiting_at_most(conn, timeout):
            current = _current_revision(conn)
            if current != HEAD_REVISION:
                return f"The database is at migration {current}, not head {HEAD_REVISION}.", ""
            row = conn.execute(DatasetVersion.__table__.select()).first()  # type: ignore[attr-defined]
            if row is None:
                return "The database holds no dataset: run `python -m seeds`.", ""
            if row.render_version != render_version():
                return (
                    "The stored documents were rendered by another version of the service: "
                    "run `python -m seeds`."
                ), ""
    except DBAPIError as exc:
        kind = outage(exc)
        if kind is None:
            raise
        return OUTAGES[kind].format(timeout=timeout), ""
    return None, row.version


@contextmanager
def _waiting_at_most(conn: Connection, seconds: float) -> Iterator[None]:
    """The probe's statements and lock waits bounded by `seconds` (so that a locked
    database is reported as locked, not as silent), this connection's bound restored."""
    ms = round(seconds * 1000)
    # The server's bound, and the watcher's a little later for a server that stops answering.
    with deadline(conn.connection.dbapi_connection, time.monotonic() + seconds + 0.2):
        if conn.dialect.name != "sqlite":
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")  # this transaction's
            yield
            return
        before = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {ms}")
        try:
            yield
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {before}")


def _current_revision(conn: Connection) -> str | None:
    """The migration the database is at; None when it has none (no Alembic table)."""
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        if outage(exc) != "unmigrated":
            raise
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
