"""What every resource shares: stable constraint names, the dataset's version row,
references to related records, the list envelope, what every list takes, and what a
resource's list offers (`Resource`: its sorts, facets and embeds)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from fastapi import Path
from pydantic import BaseModel, Field, JsonValue
from sqlalchemy import JSON
from sqlmodel import Field as ColumnField
from sqlmodel import Session, SQLModel

from app.core.errors import InvalidParameter
from app.core.orders import Order, SortField, SortKey

# Named constraints keep Alembic migrations deterministic across SQLite and PostgreSQL.
# Set here, before any table is declared: every resource's models import this module.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
Q_MAX_LENGTH = 500  # characters of a full-text query, on every route that takes one
MAX_ITEMS = 50  # distinct values of one parameter, repeated or in a comma list
# What every slug looks like (the loader refuses any other), so a path can say so.
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 120
# What the document says of a parameter naming records by slug (the server answers any
# other value with a 422 naming the parameter: no record has such a slug).
SLUG_SCHEMA: dict[str, JsonValue] = {"pattern": SLUG, "maxLength": SLUG_MAX_LENGTH}


# What the document says of every free-text parameter (`q`, `place`, `country`): at most
# Q_MAX_LENGTH characters and no NUL (the server refuses a NUL in any parameter).
NO_NUL = r"^[^\u0000]*$"
# What a cursor looks like: URL-safe base64 (app.core.orders), empty meaning none.
CURSOR = r"^[A-Za-z0-9_-]*$"


def text_parameter(description: str, *, min_length: int | None = None) -> Any:
    """A free-text query parameter: capped and declared alike on every route."""
    return Field(
        None,
        description=description,
        min_length=min_length,
        max_length=Q_MAX_LENGTH,
        json_schema_extra={"pattern": NO_NUL},
    )


def cursor_parameter() -> Any:
    return Field(
        None,
        description="Opaque cursor from `meta.next_cursor` or `links.next`; only a cursor "
        "this service issued, for the same order, is taken.",
        json_schema_extra={"pattern": CURSOR},
    )


def slug_in_path(what: str) -> Any:
    """A route's `{slug}`: anything else is a 422 naming `path.slug`, before any query."""
    return Path(description=f"{what} slug.", pattern=SLUG, max_length=SLUG_MAX_LENGTH)


class DatasetVersion(SQLModel, table=True):
    """One row, written by the seed loader in the same transaction as the data."""

    __tablename__ = "dataset_version"

    id: int = ColumnField(default=1, primary_key=True)
    version: str = ColumnField(description="SHA-256 over the seed files' bytes.")
    seeded_at: datetime
    counts: dict[str, int] = ColumnField(default_factory=dict, sa_type=JSON)
    # Which rendering of the public JSON and the search index the stored documents have.
    render_version: str | None = None


class Ref(BaseModel):
    """A related record, named by its public slug."""

    slug: str
    name: str


class ListMeta(BaseModel):
    limit: int | None = Field(default=None, description="Page size used for this page.")
    next_cursor: str | None = Field(default=None, description="Opaque cursor of the next page.")
    count: int | None = Field(default=None, description="Exact total, when `count=true`.")
    returned: int = Field(description="Number of records in `data`.")
    data_version: str | None = Field(default=None, description="Version of the seeded dataset.")
    facets: dict[str, Any] | None = None


class ListLinks(BaseModel):
    self: str
    next: str | None = None


class Envelope(BaseModel, Generic[T]):
    """The list envelope: records in `data`, paging facts in `meta` and `links`."""

    data: list[T]
    meta: ListMeta
    links: ListLinks


class Format(StrEnum):
    json = "json"
    csv = "csv"
    ndjson = "ndjson"
    ics = "ics"
    zip = "zip"


MEDIA_TYPES = {
    Format.json: "application/json",
    Format.csv: "text/csv; charset=utf-8",
    Format.ndjson: "application/x-ndjson",
    Format.ics: "text/calendar; charset=utf-8",
    Format.zip: "application/zip",
}


class ListQuery(BaseModel):
    """What every list takes (`app.query.params.ListParameters` adds `sort`, `fields`,
    `include` and `facets`, whose values each resource names)."""

    limit: int | None = Field(
        None,
        ge=1,
        le=MAX_LIMIT,
        description=f"Page size, 1–{MAX_LIMIT}; a page defaults to {DEFAULT_LIMIT}. "
        "An export (CSV, NDJSON, iCalendar) gives every match unless a limit is given.",
    )
    cursor: str | None = cursor_parameter()
    count: bool = Field(
        False,
        description="Add the exact number of matches as `meta.count` (an export, with no "
        "`meta`, ignores it).",
    )


class BasisLevel(StrEnum):
    """How far a value is from the words its record cites, nearest first
    (docs/dataset.md, "Basis")."""

    stated = "stated"
    inferred = "inferred"
    external = "external"


def basis_parameter() -> Any:
    """`basis=`: what every list takes to keep to the values the texts bear out."""
    return Field(
        None,
        description="Keep only records whose filtered fields (the dates, place, country, "
        "speaker, organisation or area a filter names) rest at most this far from the "
        "cited words: `stated` (the evidence contains the value), `inferred` (stated or "
        "read from the documents), `external` (any). With no such filter given, every "
        "value of the record must. Each record's `basis` lists what its values rest on.",
    )


class CitedQuery(BaseModel):
    """`q`, `source` and `basis`: what every list of cited records takes."""

    q: str | None = text_parameter(
        'Full-text search: words, "phrases", OR, -exclusions. '
        "British and American spellings match each other.",
        min_length=1,
    )
    source: str | None = Field(
        None,
        description="Only records cited by this source (a source slug).",
        json_schema_extra=SLUG_SCHEMA,
    )
    basis: BasisLevel | None = basis_parameter()


Facet = Callable[[Session, Any], list[tuple[Any, int]]]


@dataclass(frozen=True)
class Include:
    """An `include=` name: the references in `field` replaced by the full records of
    `table` (their stored documents), or, with `apply`, an embedding of its own, whose
    items `shows` (for the document)."""

    field: str
    table: Any = None
    apply: Callable[[Session, list[dict[str, Any]]], None] | None = None
    shows: type[BaseModel] | None = None


@dataclass(frozen=True)
class Resource:
    """What the API offers of one resource: its public shape, its sorts, facets, embeds
    and formats. Parameters are checked against it; its service reads with it."""

    kind: str
    plural: str
    table: Any
    public_model: type[BaseModel]
    sorts: dict[str, SortField]
    default_sort: str
    facets: dict[str, Facet] = field(default_factory=dict)
    includes: dict[str, Include] = field(default_factory=dict)
    tiebreak: str = "slug"  # a unique column, last in every order
    formats: tuple[Format, ...] = (Format.json, Format.csv, Format.ndjson)  # JSON first

    def order(self, sort: str | None) -> Order:
        """Parse `sort=-date,title`; 422 naming what is wrong. A field sorted by already
        adds nothing (`date,-date` sorts by date), as the keys before it decide."""
        keys, names, written = [], [], []
        for raw in (self.default_sort if sort is None else sort).split(","):
            descending = raw.startswith("-")
            name = raw[1:] if descending else raw
            if name not in self.sorts:
                allowed = ", ".join(self.sorts)
                raise InvalidParameter("query.sort", f"cannot sort by {raw!r}; use {allowed}")
            if name in names:
                continue
            names.append(name)
            written.append(raw)
            keys.append(self.sorts[name].key(descending))
        if self.tiebreak not in names:
            keys.append(SortKey(getattr(self.table, self.tiebreak)))
        return Order(tuple(keys), ",".join(written))
