"""The engine: per-connection settings each back-end needs."""

import sqlite3
import threading
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError

from app.areas.models import CooperationArea
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


def server_transaction(raw: Any, backend: str) -> bool:
    """Whether the database has a transaction open on this DBAPI connection."""
    if backend == "sqlite":
        return bool(raw.in_transaction)
    return bool(raw.info.transaction_status.name != "IDLE")


class TestHeldSessions:
    """`Sessions.held`: the connection a thread keeps for its bounded reads."""

    def test_a_thread_reads_on_one_session_and_no_transaction_outlives_a_read(
        self, migrated_engine: Engine, backend: str
    ):
        sessions = Sessions(migrated_engine)
        with sessions.held() as session:
            first = session.connection()
            session.execute(text("SELECT 1"))
        raw = first.connection.dbapi_connection
        assert not server_transaction(raw, backend)
        with sessions.held() as again:
            assert again is session and again.connection() is first
        sessions.close()
        assert first.closed

    def test_objects_a_read_loaded_are_let_go_after_it(self, engine: Engine):
        sessions = Sessions(engine)
        with sessions.held() as session:
            loaded = session.execute(select(CooperationArea).limit(3)).scalars().all()
            assert len(session.identity_map) == 3
        with sessions.held() as session:  # still referenced here, yet no longer tracked
            assert len(session.identity_map) == 0
            assert all(inspect(area).detached for area in loaded)
        sessions.close()

    def test_a_failed_read_leaves_a_session_that_reads(self, engine: Engine):
        sessions = Sessions(engine)
        with pytest.raises(DBAPIError), sessions.held() as session:
            session.execute(text("SELECT * FROM no_such_table"))
        with sessions.held() as session:
            assert session.execute(text("SELECT 1")).scalar() == 1
        sessions.close()

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

    def test_a_held_read_opens_no_transaction_on_the_server(
        self, migrated_engine: Engine, backend: str
    ):
        # No BEGIN before the statement and no ROLLBACK after: one round trip, not three.
        sessions = Sessions(migrated_engine)
        with sessions.held() as session:
            assert session.execute(text("SELECT 1")).scalar() == 1
            raw = session.connection().connection.dbapi_connection
            if backend == "sqlite":
                # The driver in autocommit: it would not even BEGIN before a write.
                assert raw.in_transaction is False and raw.isolation_level is None
            else:
                assert raw.info.transaction_status.name == "IDLE"
        with sessions() as session:  # a pooled session still reads in a transaction
            session.execute(text("SELECT 1"))
            pooled = session.connection().connection.dbapi_connection
            if backend == "postgresql":
                assert pooled.info.transaction_status.name == "INTRANS"
            else:
                assert pooled.isolation_level is not None
        sessions.close()
