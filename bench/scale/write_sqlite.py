"""Fill a SQLite database in one transaction: executemany, then indexes and FTS built once."""

import json
import sqlite3
from datetime import UTC, datetime

from sqlalchemy import make_url

from bench.scale.dataset import Dataset
from bench.scale.progress import Progress
from bench.scale.rows import COLUMNS, SYNTHETIC_SUMMARY, TABLES

# WAL is a property of the file (and what readers want); the rest hold for this connection.
_PRAGMAS = (
    "journal_mode=WAL", "synchronous=OFF", "cache_size=-1048576", "temp_store=MEMORY",
    "foreign_keys=OFF",
)  # fmt: skip


def _insert(table: str) -> str:
    columns = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _schema(conn: sqlite3.Connection, kind: str) -> list[tuple[str, str]]:
    """The (name, CREATE statement) of our secondary indexes or search triggers."""
    tables = ("search_document",) if kind == "trigger" else TABLES
    marks = ", ".join("?" * len(tables))
    query = (
        f"SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name"
    )
    return list(conn.execute(query, (kind, *tables)))


def write(database_url: str, dataset: Dataset, progress: Progress) -> None:
    """Replace whatever synthetic rows the database holds with `dataset`'s."""
    conn = sqlite3.connect(str(make_url(database_url).database), isolation_level=None)
    try:
        for pragma in _PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN IMMEDIATE")
        # Maintaining FTS5 row by row through the triggers, and every index row by row,
        # costs far more than building each once; the exact statements are put back.
        triggers, indexes = _schema(conn, "trigger"), _schema(conn, "index")
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for table in ("dataset_version", "change", "release", "former_slug", *reversed(TABLES)):
            conn.execute(f"DELETE FROM {table}")
        with progress.phase("insert"):
            for batch in dataset.batches():
                for table, rows in batch.items():
                    conn.executemany(_insert(table), rows)
                    progress.wrote(table, len(rows))
        with progress.phase("indexes"):
            for _, sql in indexes:
                conn.execute(sql)
        with progress.phase("search index"):
            conn.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            for _, sql in triggers:
                conn.execute(sql)
        seeded_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's format
        counts = json.dumps(dataset.sizes.counts())
        conn.execute(
            "INSERT INTO dataset_version (id, version, seeded_at, counts) VALUES (1, ?, ?, ?)",
            (dataset.version, seeded_at, counts),
        )
        conn.execute(
            "INSERT INTO release (number, version, made_at, counts, summary) "
            "VALUES (1, ?, ?, ?, ?)",
            (dataset.version, seeded_at, counts, json.dumps(SYNTHETIC_SUMMARY)),
        )
        with progress.phase("commit"):
            conn.execute("COMMIT")
        with progress.phase("analyze"):
            conn.execute("ANALYZE")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
