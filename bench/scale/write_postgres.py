"""Fill a PostgreSQL database in one transaction: COPY, then indexes and keys built once."""

from datetime import UTC, datetime

import psycopg
from psycopg import sql
from psycopg.types.json import Json
from sqlalchemy import make_url

from bench.scale.dataset import Dataset
from bench.scale.prefetch import prefetched
from bench.scale.progress import Progress
from bench.scale.rows import COLUMNS, SYNTHETIC_SUMMARY, TABLES

_ALL = [*TABLES, "dataset_version", "change", "release", "former_slug"]
_CONSTRAINTS = """
    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
    FROM pg_constraint
    WHERE contype IN ('f', 'u') AND conrelid::regclass::text = ANY(%s)
    ORDER BY contype = 'u', conrelid::regclass::text, conname
"""  # foreign keys first: dropped first, re-added last
_INDEXES = """
    SELECT c.relname, pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname
"""


def conninfo(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def write(database_url: str, dataset: Dataset, progress: Progress) -> None:
    """Replace whatever synthetic rows the database holds with `dataset`'s."""
    with psycopg.connect(conninfo(database_url)) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET maintenance_work_mem = '1GB'")
        # Checking each foreign key and updating each index row by row costs far more than
        # building them once after the load (the tsvector is computed as rows arrive).
        constraints = conn.execute(_CONSTRAINTS, (_ALL,)).fetchall()
        indexes = conn.execute(_INDEXES, (_ALL,)).fetchall()
        for table, name, _ in constraints:
            conn.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                sql.Identifier(table), sql.Identifier(name)))  # fmt: skip
        for name, _ in indexes:
            conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
        # Truncated in this transaction, the tables can take COPY ... FREEZE.
        conn.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(", ").join(map(sql.Identifier, _ALL))))
        with progress.phase("insert"), conn.cursor() as cursor:
            for batch in prefetched(dataset.batches()):
                for table, rows in batch.items():
                    _copy(cursor, table, rows)
                    progress.wrote(table, len(rows))
        with progress.phase("indexes"):
            for _, definition in indexes:
                conn.execute(definition)
        with progress.phase("constraints"):
            for table, name, definition in reversed(constraints):
                conn.execute(sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                    sql.Identifier(table), sql.Identifier(name), sql.SQL(definition)))  # fmt: skip
        for table in TABLES:
            if "id" in COLUMNS[table]:
                conn.execute(
                    sql.SQL("SELECT setval(pg_get_serial_sequence(%s, 'id'), max(id)) FROM {}")
                    .format(sql.Identifier(table)), (table,),
                )  # fmt: skip
        made_at = datetime.now(UTC)
        conn.execute(
            "INSERT INTO dataset_version (id, version, seeded_at, counts) VALUES (1, %s, %s, %s)",
            (dataset.version, made_at, Json(dataset.sizes.counts())),
        )
        conn.execute(
            "INSERT INTO release (number, version, made_at, counts, summary) "
            "VALUES (1, %s, %s, %s, %s)",
            (dataset.version, made_at, Json(dataset.sizes.counts()), Json(SYNTHETIC_SUMMARY)),
        )
        with progress.phase("commit"):
            conn.commit()
    with (
        psycopg.connect(conninfo(database_url), autocommit=True) as conn,
        progress.phase("analyze"),
    ):
        conn.execute("ANALYZE")


def _copy(cursor: psycopg.Cursor, table: str, rows: list[tuple]) -> None:  # type: ignore[type-arg]
    if not rows:
        return
    statement = sql.SQL("COPY {} ({}) FROM STDIN (FREEZE)").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, COLUMNS[table]))
    )
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
