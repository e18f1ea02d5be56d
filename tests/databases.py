"""Throwaway databases for tests: a SQLite file, or a uniquely named PostgreSQL database.

PostgreSQL is reached through TEST_DATABASE_URL (default: the local server, user
`postgres`, no password). If it is unreachable the PostgreSQL tests fail; they are
never skipped.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ADMIN_URL = os.environ.get(
    "TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ("sqlite", "postgresql")


@contextmanager
def temporary_database(backend: str, directory: Path, like: str | None = None) -> Iterator[str]:
    """Yield the SQLAlchemy URL of a new database, empty or a copy of the database `like`
    names (which no one may be connected to); drop it afterwards."""
    if backend == "sqlite":
        path = directory / f"test-{uuid.uuid4().hex[:12]}.db"
        if like is not None:
            shutil.copyfile(make_url(like).database or "", path)
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    admin = make_url(ADMIN_URL)
    name = f"nj_test_{uuid.uuid4().hex[:16]}"
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        raise RuntimeError(
            f"PostgreSQL is not reachable at {admin.render_as_string()} ({exc}). "
            "Start it, or point TEST_DATABASE_URL at a server where tests may create databases."
        ) from exc
    with connection:
        template = f' TEMPLATE "{make_url(like).database}"' if like is not None else ""
        connection.execute(f'CREATE DATABASE "{name}"{template}')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
