"""open-ended events, and no span classes

A dated event may be open-ended (`open_ended: true`: no end). Such an event overlaps
every range after its start, so a date-range filter bounded from below by the longest
closed span would lose it; a partial index of those events' starts lets the filter find
the earliest in one seek and widen the bound to it.

The span classes of 0006 go: the events service stopped reading by them (they lost
open-ended events, and merged slugs by Python's order rather than the database's), so
their column and index were only cost, on every write and on disk.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_ENDED = "start_date IS NOT NULL AND end_date IS NULL"


def upgrade() -> None:
    op.drop_index("ix_event_span_order", table_name="event")
    op.execute("ALTER TABLE event DROP COLUMN span_class")
    op.create_index(
        "ix_event_open_ended",
        "event",
        ["start_date"],
        sqlite_where=sa.text(OPEN_ENDED),
        postgresql_where=sa.text(OPEN_ENDED),
    )


def downgrade() -> None:
    # 0006's column and index as 0006 made them (a migration is a frozen copy).
    dialect = op.get_bind().dialect.name
    days = {
        "sqlite": "julianday(coalesce(end_date, start_date)) - julianday(start_date)",
        "postgresql": "(coalesce(end_date, start_date) - start_date)",
    }[dialect]
    span_class = (
        f"CASE WHEN start_date IS NULL THEN 0 WHEN {days} <= 31 THEN 0 "
        f"WHEN {days} <= 366 THEN 1 WHEN {days} <= 1461 THEN 2 ELSE 3 END"
    )
    kind = "VIRTUAL" if dialect == "sqlite" else "STORED"
    op.drop_index("ix_event_open_ended", table_name="event")
    op.execute(
        f"ALTER TABLE event ADD COLUMN span_class INTEGER GENERATED ALWAYS AS ({span_class}) {kind}"
    )
    op.create_index("ix_event_span_order", "event", ["span_class", "date_key", "slug", "end_date"])
