"""csv lines table

Each record's CSV line moves from a column of the record's row to a table of its own,
keyed by (kind, record_id): a full export then reads the lines and the order's index,
not every row with its rendered document (0.75 GB instead of 3.7 GB at a million events).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each resource's kind, as the API names it, and its table.
TABLES = {
    "source": "source",
    "organisation": "organisation",
    "person": "person",
    "area": "cooperation_area",
    "programme": "programme",
    "event": "event",
    "quote": "quote",
}


def upgrade() -> None:
    op.create_table(
        "csv_line",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_csv_line")),
        sqlite_with_rowid=False,
    )
    for kind, table in TABLES.items():
        op.execute(
            f"INSERT INTO csv_line (kind, record_id, line) "
            f"SELECT '{kind}', id, csv_row FROM {table} WHERE csv_row IS NOT NULL"
        )
        # Plain ALTER TABLE, as in 0004: a batch rebuild would copy generated columns.
        op.drop_column(table, "csv_row")


def downgrade() -> None:
    for kind, table in TABLES.items():
        op.add_column(table, sa.Column("csv_row", sa.Text(), nullable=True))
        op.execute(
            f"UPDATE {table} SET csv_row = (SELECT line FROM csv_line "
            f"WHERE csv_line.kind = '{kind}' AND csv_line.record_id = {table}.id)"
        )
    op.drop_table("csv_line")
