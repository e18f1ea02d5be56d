"""releases: each seed run that changed the data, what it changed, and former slugs

Revision ID: releases
Revises: search_index
Create Date: 2026-11-30 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "releases"
down_revision: str | None = "search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "release",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("number", name="pk_release"),
        sa.UniqueConstraint("version", name="uq_release_version"),
    )
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("fields", sa.JSON()),
        sa.Column("formerly", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_change"),
        sa.ForeignKeyConstraint(["release"], ["release.number"], name="fk_change_release_release"),
        sa.Index("ix_change_release", "release"),
        sa.Index("ix_change_kind_slug", "kind", "slug"),
        sa.Index("ix_change_formerly", "formerly"),
    )
    op.create_table(
        "former_slug",
        sa.Column("record_table", sa.String(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("current", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("record_table", "slug", name="pk_former_slug"),
    )


def downgrade() -> None:
    for table in ("former_slug", "change", "release"):
        op.drop_table(table)
