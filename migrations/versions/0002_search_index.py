"""search index: one document per record, with FTS5 (SQLite) or a tsvector (PostgreSQL)

The full-text part differs by dialect and is made here in SQL, out of sight of the
models; `app.search.models.include_in_autogenerate` keeps autogenerate off it.

Revision ID: search_index
Revises: baseline
Create Date: 2026-11-30 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "search_index"
down_revision: str | None = "baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite: an FTS5 table that reads its text from search_document (external content),
# kept in step by triggers. Titles and bodies are separate FTS5 columns.
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, body_terms,
        content='search_document', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
    """CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
    END""",
    """CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
]
# PostgreSQL: a generated tsvector in which titles (A) weigh more than bodies (B), with a
# GIN index. The separator word after the title keeps a phrase from matching across the
# title's last word and the body's first.
POSTGRES_TSV = [
    """ALTER TABLE search_document ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title_terms || ' zzzgapzzz'), 'A')
        || setweight(to_tsvector('english', body_terms), 'B')
    ) STORED""",
    "CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)",
]


def upgrade() -> None:
    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        # The same text in normalised spelling: what FTS5 and the tsvector index.
        sa.Column("title_terms", sa.String(), nullable=False),
        sa.Column("body_terms", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_search_document"),
        sa.UniqueConstraint("kind", "record_id", name="uq_search_document_kind"),
        sa.Index("ix_search_document_kind", "kind"),
    )
    statements = SQLITE_FTS if op.get_context().dialect.name == "sqlite" else POSTGRES_TSV
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")  # and the shadow tables FTS5 made for it
    # The triggers, or the tsv column and its index, go with the table.
    op.drop_table("search_document")
