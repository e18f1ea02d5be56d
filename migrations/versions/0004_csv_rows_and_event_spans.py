"""csv rows and event spans

A stored CSV line per record (exports stream it as is), and on events the length of each
span, indexed, so a date-range filter can bound its start; the date order's index carries
`end_date` so the range is checked without reading the rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 10:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("source", "organisation", "person", "cooperation_area", "programme", "event", "quote")
SPAN_DAYS = {
    "sqlite": "CAST(julianday(coalesce(end_date, start_date)) - julianday(start_date) AS INTEGER)",
    "postgresql": "(coalesce(end_date, start_date) - start_date)",
}


def upgrade() -> None:
    # Plain ALTER TABLE on both databases (SQLite has had DROP COLUMN since 3.35): a batch
    # rebuild would copy the generated columns, which SQLite refuses to write.
    for table in TABLES:
        op.add_column(table, sa.Column("csv_row", sa.Text(), nullable=True))
    # SQLite can ADD a generated column only as VIRTUAL (computed on read, and indexable),
    # which spares rebuilding the table; PostgreSQL 15 generates STORED columns only.
    dialect = op.get_bind().dialect.name
    kind = "VIRTUAL" if dialect == "sqlite" else "STORED"
    op.execute(
        f"ALTER TABLE event ADD COLUMN span_days INTEGER "
        f"GENERATED ALWAYS AS ({SPAN_DAYS[dialect]}) {kind}"
    )
    op.create_index("ix_event_span_days", "event", ["span_days"], unique=False)
    op.drop_index("ix_event_date_order", table_name="event")
    op.create_index("ix_event_date_order", "event", ["date_key", "slug", "end_date"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_event_date_order", table_name="event")
    op.create_index("ix_event_date_order", "event", ["date_key", "slug"], unique=False)
    op.drop_index("ix_event_span_days", table_name="event")
    op.execute("ALTER TABLE event DROP COLUMN span_days")
    for table in reversed(TABLES):
        op.drop_column(table, "csv_row")
