"""basis: what each curated value rests on, and the curators' notes

Revision ID: basis
Revises: releases
Create Date: 2026-11-30 16:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "basis"
down_revision: str | None = "releases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The curated kinds that have a note.
NOTED = ("cooperation_area", "organisation", "person", "programme", "event", "quote")


def upgrade() -> None:
    op.create_table(
        "field_basis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=True),
        sa.Column("basis", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_field_basis"),
        sa.Index("ix_field_basis_record", "kind", "record_id"),
    )
    for table in NOTED:  # a nullable column: plain ALTER TABLE on both back-ends
        op.add_column(table, sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in NOTED:
        op.drop_column(table, "note")
    op.drop_table("field_basis")
