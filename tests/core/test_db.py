"""The engine: per-connection settings each back-end needs."""

from sqlalchemy import text

from app.core.config import Settings
from app.core.db import make_engine


def test_each_connection_gets_its_backend_settings(empty_url: str, backend: str):
    engine = make_engine(Settings(database_url=empty_url))
    with engine.connect() as conn:
        if backend == "sqlite":
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        else:  # short queries never repay PostgreSQL's JIT compilation
            assert conn.execute(text("SHOW jit")).scalar() == "off"
    engine.dispose()
