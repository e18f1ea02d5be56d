"""Where synthetic data may go: never the default database, never beside curated data."""

from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from app.core.config import Settings
from bench.scale.rows import SYNTHETIC_PREFIX, TABLES
from bench.scale.write_postgres import conninfo


class Refused(RuntimeError):
    """The database must not receive synthetic data."""


def default_url() -> str:
    """The database the service uses when DATABASE_URL is not set."""
    return str(Settings.model_fields["database_url"].default)


def is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


def _same(a: str, b: str) -> bool:
    first, second = make_url(a), make_url(b)
    if is_sqlite(a) and is_sqlite(b):
        return Path(first.database or "").resolve() == Path(second.database or "").resolve()
    return first.render_as_string(hide_password=False) == second.render_as_string(
        hide_password=False
    )


def _admin(url: URL) -> str:
    return conninfo(url.set(database="postgres").render_as_string(hide_password=False))


def exists(database_url: str) -> bool:
    url = make_url(database_url)
    if is_sqlite(database_url):
        return Path(url.database or "").is_file()
    with psycopg.connect(_admin(url), autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (url.database,))
        return found.fetchone() is not None


@dataclass(frozen=True)
class Holdings:
    version: str | None = None  # the dataset_version row's, if any
    render_version: str | None = None
    filled: bool = False  # any records at all


def holdings(database_url: str) -> Holdings:
    """What the database holds: its dataset's versions, and whether it holds records."""
    if not exists(database_url):
        return Holdings()
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            row = None
            if "dataset_version" in tables:
                # Every column, whatever the migration: older ones lack render_version.
                query = text("SELECT * FROM dataset_version")
                row = conn.execute(query).mappings().first()
            filled = any(
                conn.execute(text(f"SELECT 1 FROM {t} LIMIT 1")).first()
                for t in TABLES
                if t in tables
            )
    finally:
        engine.dispose()
    if row is None:
        return Holdings(filled=filled)
    return Holdings(row["version"], row.get("render_version"), filled)


def refuse_unsafe(database_url: str) -> Holdings:
    """Raise Refused for the default database, or one holding any non-synthetic dataset."""
    if _same(database_url, default_url()):
        raise Refused(f"{database_url} is the service's default database: name another one")
    held = holdings(database_url)
    version = held.version
    if version is not None and not version.startswith(SYNTHETIC_PREFIX):
        raise Refused(f"{database_url} holds a curated dataset (version {version}); left untouched")
    if version is None and held.filled:
        raise Refused(f"{database_url} holds records but no synthetic dataset; left untouched")
    return held


def prepare(database_url: str, *, fresh: bool) -> None:
    """Create the database if it is missing; with `fresh`, drop it and start over."""
    url = make_url(database_url)
    if is_sqlite(database_url):
        path = Path(url.database or "")
        path.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        return
    present = exists(database_url)
    with psycopg.connect(_admin(url), autocommit=True) as conn:
        name = sql.Identifier(url.database or "")
        if present and fresh:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(name))
        if not present or fresh:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def size_bytes(database_url: str) -> int:
    """The database's size on disk (SQLite: the file and its WAL)."""
    url = make_url(database_url)
    if is_sqlite(database_url):
        path = Path(url.database or "")
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    with psycopg.connect(conninfo(database_url)) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(row[0]) if row else 0
