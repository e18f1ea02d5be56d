"""The engine: per-connection settings each back-end needs."""

import sqlite3
import threading

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from app.core.config import Settings
from app.core.db import Sessions, make_engine


def test_each_connection_gets_its_backend_settings(empty_url: str, backend: str):
    engine = make_engine(Settings(database_url=empty_url))
    with engine.connect() as conn:
        if backend == "sqlite":
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        else:  # short queries never repay PostgreSQL's JIT compilation
            assert conn.execute(text("SHOW jit")).scalar() == "off"
    engine.dispose()


class TestHeldSessions:
    """`Sessions.held`: the connection a thread keeps for its bounded reads."""

    def test_a_thread_reads_on_one_connection_and_no_transaction_outlives_a_read(
        self, migrated_engine: Engine
    ):
        sessions = Sessions(migrated_engine)
        with sessions.held() as session:
            first = session.connection()
            session.execute(text("SELECT 1"))
            assert first.in_transaction()
        assert not first.in_transaction()
        with sessions.held() as session:
            assert session.connection() is first
        assert not first.in_transaction()
        sessions.close()
        assert first.closed

    def test_each_thread_holds_its_own_connection(self, migrated_engine: Engine):
        sessions = Sessions(migrated_engine)
        seen: list[Connection] = []

        def read() -> None:
            with sessions.held() as session:
                seen.append(session.connection())

        read()
        worker = threading.Thread(target=read)
        worker.start()
        worker.join()
        assert len(seen) == 2 and seen[0] is not seen[1]
        sessions.close()
        assert all(connection.closed for connection in seen)

    def test_a_lost_connection_is_replaced_on_the_next_read(self, migrated_engine: Engine):
        sessions = Sessions(migrated_engine)
        with sessions.held() as session:
            lost = session.connection()
        lost.connection.dbapi_connection.close()  # as when the server goes away
        with pytest.raises(DBAPIError) as failure, sessions.held() as session:
            session.execute(text("SELECT 1"))
        assert failure.value.connection_invalidated
        assert lost.closed and lost not in sessions._held  # not kept until shutdown
        with sessions.held() as session:
            assert session.connection() is not lost
            assert session.execute(text("SELECT 1")).scalar() == 1
        sessions.close()

    def test_a_held_connection_never_waits_for_a_lock_and_pooled_ones_do(
        self, migrated_engine: Engine, backend: str
    ):
        sessions = Sessions(migrated_engine)
        setting = "PRAGMA busy_timeout" if backend == "sqlite" else "SHOW lock_timeout"
        with sessions.held() as session:
            held = session.execute(text(setting)).scalar()
            raw = session.connection().connection.dbapi_connection
        with sessions() as session:
            pooled = session.execute(text(setting)).scalar()
        assert (held, pooled) == ((0, 5000) if backend == "sqlite" else ("5ms", "0"))
        sessions.close()
        # Closing discards the held connection rather than pooling its setting.
        if backend == "sqlite":
            with pytest.raises(sqlite3.ProgrammingError, match="closed"):
                raw.cursor()
        else:
            assert raw.closed
