"""baseline: the records, their links, rendered documents and CSV lines

Every table but the search index (0002), made in one step on SQLite or PostgreSQL.

Names are spelled out in full, as the models' naming convention makes them. The two check
constraints' names go through op.f(): the convention would otherwise prefix them again.

Revision ID: baseline
Revises:
Create Date: 2026-11-30 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "baseline"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A dated record's sort key, generated so that every writer gets it right: its start, or
# a far-future day when undated (undated records sort last).
DATE_KEY = "coalesce(start_date, '9999-12-31')"
# How many days an event's span lasts, in each database's date arithmetic. Indexed: its
# maximum bounds a date-range filter from below.
SPAN_DAYS = {
    "sqlite": "CAST(julianday(coalesce(end_date, start_date)) - julianday(start_date) AS INTEGER)",
    "postgresql": "(coalesce(end_date, start_date) - start_date)",
}
# A dated event with no end overlaps every range after its start.
OPEN_ENDED = "start_date IS NOT NULL AND end_date IS NULL"
# What a citation may be evidence for; it names exactly one.
CITED = ("event_id", "programme_id", "area_id", "quote_id", "person_id", "organisation_id")


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete
    )


def _indexes(table: str, *columns: str) -> list[sa.Index]:
    """A plain index on each column, for filters and for joins from the referenced side."""
    return [sa.Index(f"ix_{table}_{column}", column) for column in columns]


def _slug(table: str) -> sa.Index:
    return sa.Index(f"ix_{table}_slug", "slug", unique=True)


def _span_columns() -> list[sa.Column]:
    """The dates of an event, programme or quote: `start_date` is the first day the start
    can mean, `end_date` the last day the end can mean, each with its precision."""
    return [
        sa.Column("start_date", sa.Date()),
        sa.Column("start_precision", sa.String()),
        sa.Column("end_date", sa.Date()),
        sa.Column("end_precision", sa.String()),
        sa.Column("date_label", sa.String()),
        sa.Column("date_note", sa.String()),
    ]


def _date_key() -> sa.Column:
    return sa.Column("date_key", sa.Date(), sa.Computed(DATE_KEY, persisted=True), nullable=False)


def _document() -> sa.Column:
    """The record's public JSON, rendered by the seed loader and served as is."""
    return sa.Column("document", sa.Text())


def _link_table(name: str, left: tuple[str, str], right: tuple[str, str]) -> None:
    """A many-to-many link. The primary key serves lookups from the left; the index on
    the right-hand key serves lookups from the other side."""
    (left_column, left_table), (right_column, right_table) = left, right
    op.create_table(
        name,
        sa.Column(left_column, sa.Integer(), nullable=False),
        sa.Column(right_column, sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(left_column, right_column, name=f"pk_{name}"),
        _fk(name, left_column, left_table, "CASCADE"),
        _fk(name, right_column, right_table, "CASCADE"),
        *_indexes(name, right_column),
    )


def upgrade() -> None:
    dialect = op.get_context().dialect.name

    # Sources: the documents everything is cited from, with their full text.
    op.create_table(
        "source",
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("publisher", sa.String()),
        sa.Column("published_date", sa.Date()),
        sa.Column("published_precision", sa.String()),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("url", sa.String()),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _document(),
        sa.PrimaryKeyConstraint("id", name="pk_source"),
        _slug("source"),
        *_indexes("source", "kind"),
    )

    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("acronym", sa.String()),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("country", sa.String()),
        sa.Column("parent_id", sa.Integer()),
        _document(),
        sa.PrimaryKeyConstraint("id", name="pk_organisation"),
        _fk("organisation", "parent_id", "organisation", "SET NULL"),
        _slug("organisation"),
        *_indexes("organisation", "kind"),
    )

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("country", sa.String()),
        _document(),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
        _slug("person"),
    )

    # A person's offices, in `position` order.
    op.create_table(
        "person_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("organisation_id", sa.Integer()),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_role"),
        _fk("person_role", "organisation_id", "organisation", "SET NULL"),
        _fk("person_role", "person_id", "person", "CASCADE"),
        *_indexes("person_role", "organisation_id", "person_id"),
    )

    # Cooperation areas: a taxonomy, each area under at most one parent.
    op.create_table(
        "cooperation_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("parent_id", sa.Integer()),
        _document(),
        sa.PrimaryKeyConstraint("id", name="pk_cooperation_area"),
        _fk("cooperation_area", "parent_id", "cooperation_area", "SET NULL"),
        _slug("cooperation_area"),
        *_indexes("cooperation_area", "parent_id"),
    )

    op.create_table(
        "programme",
        *_span_columns(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("acronym", sa.String()),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("priority_areas", sa.Integer()),
        sa.Column("open_ended", sa.Boolean(), nullable=False),
        sa.Column("predecessor_id", sa.Integer()),
        _document(),
        sa.PrimaryKeyConstraint("id", name="pk_programme"),
        _fk("programme", "predecessor_id", "programme", "SET NULL"),
        _slug("programme"),
        *_indexes("programme", "start_date", "end_date", "kind", "predecessor_id"),
    )

    # Events. SQLite can compute `span_days` on read (VIRTUAL) and still index it;
    # PostgreSQL 15 generates STORED columns only.
    op.create_table(
        "event",
        *_span_columns(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("place_name", sa.String()),
        sa.Column("place_country", sa.String()),
        _date_key(),
        _document(),
        sa.Column(
            "span_days",
            sa.Integer(),
            sa.Computed(SPAN_DAYS[dialect], persisted=dialect != "sqlite"),
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event"),
        _slug("event"),
        *_indexes("event", "start_date", "end_date", "kind", "place_country", "span_days"),
        # The default order; it carries `end_date` so that a date-range filter is
        # checked in the index without reading the rows.
        sa.Index("ix_event_date_order", "date_key", "slug", "end_date"),
        # Open-ended events' starts: the earliest of them also bounds a date-range filter.
        sa.Index(
            "ix_event_open_ended",
            "start_date",
            sqlite_where=sa.text(OPEN_ENDED),
            postgresql_where=sa.text(OPEN_ENDED),
        ),
    )

    op.create_table(
        "quote",
        *_span_columns(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        # The source, and where in its text the words lie.
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("text_start", sa.Integer(), nullable=False),
        sa.Column("text_end", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer()),
        sa.Column("speaker_organisation_id", sa.Integer()),
        sa.Column("speaker_role", sa.String()),
        sa.Column("event_id", sa.Integer()),
        _date_key(),
        _document(),
        sa.PrimaryKeyConstraint("id", name="pk_quote"),
        _fk("quote", "source_id", "source", "CASCADE"),
        _fk("quote", "event_id", "event", "SET NULL"),
        _fk("quote", "speaker_id", "person", "SET NULL"),
        _fk("quote", "speaker_organisation_id", "organisation", "SET NULL"),
        _slug("quote"),
        *_indexes("quote", "start_date", "end_date", "mode", "source_id", "event_id"),
        *_indexes("quote", "speaker_id", "speaker_organisation_id"),
        # The default order: by date, then by place in the source.
        sa.Index("ix_quote_date_order", "date_key", "text_start", "slug"),
    )

    # Evidence: a passage of a source (its character offsets) backing one record.
    one_subject = " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in CITED)
    op.create_table(
        "citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *(sa.Column(column, sa.Integer()) for column in CITED),
        sa.PrimaryKeyConstraint("id", name="pk_citation"),
        sa.CheckConstraint(f"{one_subject} = 1", name=op.f("ck_citation_one_subject")),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset > start_offset", name=op.f("ck_citation_offsets")
        ),
        _fk("citation", "source_id", "source", "CASCADE"),
        _fk("citation", "event_id", "event", "CASCADE"),
        _fk("citation", "programme_id", "programme", "CASCADE"),
        _fk("citation", "area_id", "cooperation_area", "CASCADE"),
        _fk("citation", "quote_id", "quote", "CASCADE"),
        _fk("citation", "person_id", "person", "CASCADE"),
        _fk("citation", "organisation_id", "organisation", "CASCADE"),
        *_indexes("citation", "source_id", *CITED),
    )

    _link_table("event_area", ("event_id", "event"), ("area_id", "cooperation_area"))
    _link_table("event_programme", ("event_id", "event"), ("programme_id", "programme"))
    _link_table("event_person", ("event_id", "event"), ("person_id", "person"))
    _link_table("event_organisation", ("event_id", "event"), ("organisation_id", "organisation"))
    _link_table("programme_area", ("programme_id", "programme"), ("area_id", "cooperation_area"))
    _link_table(
        "programme_organisation",
        ("programme_id", "programme"),
        ("organisation_id", "organisation"),
    )
    _link_table("quote_area", ("quote_id", "quote"), ("area_id", "cooperation_area"))

    # Each record's CSV line in the export's default columns, apart from the record's
    # row, so that a full export reads these lines and not the rows with their
    # documents. WITHOUT ROWID on SQLite: stored in key order, each kind's lines together.
    op.create_table(
        "csv_line",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name="pk_csv_line"),
        sqlite_with_rowid=False,
    )

    # What the seed loader loaded, and which renderer wrote the documents.
    op.create_table(
        "dataset_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("seeded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("render_version", sa.String()),
        sa.PrimaryKeyConstraint("id", name="pk_dataset_version"),
    )


def downgrade() -> None:
    # Each table after every table that refers to it; indexes go with their tables.
    for table in (
        "dataset_version",
        "csv_line",
        "quote_area",
        "programme_organisation",
        "programme_area",
        "event_organisation",
        "event_person",
        "event_programme",
        "event_area",
        "citation",
        "quote",
        "event",
        "programme",
        "cooperation_area",
        "person_role",
        "person",
        "organisation",
        "source",
    ):
        op.drop_table(table)
