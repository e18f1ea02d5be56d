"""`app.core.deadlines`: a read past its deadline is stopped (SQLite's statement
interrupted, PostgreSQL's socket shut), a read that ends in time is left alone, and the
watcher outlives a connection that was closed before its deadline came."""

import sqlite3
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from app.core.deadlines import deadline
from tests.databases import ADMIN_URL

# A statement that runs for many seconds unless it is stopped (and ends, so that a watcher
# that failed to stop it fails the test rather than hangs it).
ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
    "SELECT count(*) FROM n"
)


def postgresql() -> psycopg.Connection:
    url = make_url(ADMIN_URL).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


class TestSQLite:
    def test_a_statement_past_its_deadline_is_interrupted(self, tmp_path: Path):
        connection = sqlite3.connect(tmp_path / "x.db")
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            with deadline(connection, time.monotonic() + 0.2):
                connection.execute(ENDLESS).fetchone()
        assert time.monotonic() - started < 2
        assert connection.execute("SELECT 1").fetchone() == (1,)  # the connection lives on

    def test_a_statement_that_ends_in_time_is_left_alone(self, tmp_path: Path):
        connection = sqlite3.connect(tmp_path / "x.db")
        with deadline(connection, time.monotonic() + 0.2):
            assert connection.execute("SELECT 1").fetchone() == (1,)
        time.sleep(0.3)  # past the deadline, outside the block: nothing happens
        assert connection.execute("SELECT 2").fetchone() == (2,)


class TestPostgreSQL:
    def test_a_read_past_its_deadline_fails_at_once_and_loses_its_connection(self):
        connection = postgresql()
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            with deadline(connection, time.monotonic() + 0.2):
                connection.execute("SELECT pg_sleep(30)")
        assert time.monotonic() - started < 2
        assert connection.closed or connection.broken


class TestTheWatcher:
    def test_outlives_connections_closed_before_their_deadline(self, tmp_path: Path):
        gone_pg, gone_sqlite = postgresql(), sqlite3.connect(tmp_path / "gone.db")
        gone_pg.close()
        gone_sqlite.close()
        with deadline(gone_pg, time.monotonic()), deadline(gone_sqlite, time.monotonic()):
            time.sleep(0.2)  # the watcher meets both, closed
        connection = sqlite3.connect(tmp_path / "x.db")
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            with deadline(connection, time.monotonic() + 0.2):
                connection.execute(ENDLESS).fetchone()
        assert time.monotonic() - started < 2
