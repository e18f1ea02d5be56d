"""What every resource shares: stable constraint names, the dataset's version row,
references to related records, the list envelope, what every list takes, and what a
resource's list offers (`Resource`: its sorts, facets and embeds)."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import JSON, Float, Integer, String, func
from sqlmodel import Field as ColumnField
from sqlmodel import Session, SQLModel

from app.core.dates import FAR_FUTURE, FAR_PAST
from app.core.errors import InvalidParameter

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


# Schema name -> its example record, nulls included (the OpenAPI document drops every null
# as FastAPI writes it; app.http.docs puts these back, so each example is a valid answer).
SHOWN: dict[str, dict[str, Any]] = {}


def shown_as(kind: str, *, without: tuple[str, ...] = ()) -> ConfigDict:
    """A public model's config whose schema shows a real record of `kind` as its example:
    the record as served, kept in app/examples.json (`make examples` writes it again;
    tests/docs/test_examples.py checks it is what the API serves)."""
    record = {k: v for k, v in _examples()[kind].items() if k not in without}

    def show(schema: dict[str, Any], model: type) -> None:
        schema["examples"] = [record]
        SHOWN[model.__name__] = record

    return ConfigDict(json_schema_extra=show)


@cache
def _examples() -> dict[str, dict[str, Any]]:
    path = Path(__file__).parents[1] / "examples.json"
    return cast(dict[str, dict[str, Any]], json.loads(path.read_text(encoding="utf-8")))


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


MEDIA_TYPES = {
    Format.json: "application/json",
    Format.csv: "text/csv; charset=utf-8",
    Format.ndjson: "application/x-ndjson",
    Format.ics: "text/calendar; charset=utf-8",
}


class ListQuery(BaseModel):
    """What every list takes; each resource's model describes the allowed values."""

    limit: int | None = Field(
        None,
        ge=1,
        le=MAX_LIMIT,
        description=f"Page size, 1–{MAX_LIMIT}; JSON defaults to {DEFAULT_LIMIT}. "
        "CSV, NDJSON and iCalendar export every match unless a limit is given.",
    )
    cursor: str | None = Field(
        None, description="Opaque cursor from `meta.next_cursor` or `links.next`."
    )
    count: bool = Field(False, description="Add the exact number of matches as `meta.count`.")
    sort: str | None = None
    fields: str | None = None
    include: str | None = None
    facets: str | None = None
    format: Format | None = Field(None, description="Response format; overrides the Accept header.")


class CitedQuery(BaseModel):
    """`q` and `source`: what every list of cited records takes."""

    q: str | None = Field(
        None,
        min_length=1,
        max_length=500,
        description='Full-text search: words, "phrases", OR, -exclusions. '
        "British and American spellings match each other.",
    )
    source: str | None = Field(
        None, description="Only records cited by this source (a source slug)."
    )


Facet = Callable[[Session, Any], list[tuple[Any, int]]]


@dataclass(frozen=True)
class SortKey:
    """One ORDER BY term: a non-null SQL expression and its direction."""

    expression: Any
    descending: bool = False
    is_date: bool = False

    def ordering(self) -> Any:
        return self.expression.desc() if self.descending else self.expression.asc()

    @cached_property
    def value_type(self) -> type | None:
        """The Python type of this key's values in a cursor (dates come as ISO text);
        None for an expression of no known type: text or a whole number."""
        column_type = getattr(self.expression, "type", None)
        column_type = getattr(column_type, "impl_instance", column_type)  # a decorator's
        kinds = ((String, str), (Integer, int), (Float, float))
        return next((k for sql, k in kinds if isinstance(column_type, sql)), None)


@dataclass(frozen=True)
class SortField:
    """A field a list may be sorted by. Dates sort undated records last either way."""

    column: Any
    is_date: bool = False
    # A stored, indexed, non-null expression of the ascending order (e.g. `date_key`).
    ascending: Any = None

    def key(self, descending: bool) -> SortKey:
        expression = self.column
        if not descending and self.ascending is not None:
            expression = self.ascending
        elif self.is_date:
            expression = func.coalesce(self.column, FAR_PAST if descending else FAR_FUTURE)
        return SortKey(expression, descending=descending, is_date=self.is_date)


@dataclass(frozen=True)
class Order:
    """A parsed `sort=`: its keys (a unique column last) and its signature, the order
    written one way, which a cursor carries so that it is used with its own order."""

    keys: tuple[SortKey, ...]
    signature: str


@dataclass(frozen=True)
class Include:
    """An `include=` name: the references in `field` replaced by the full records of
    `table` (their stored documents), or, with `apply`, an embedding of its own."""

    field: str
    table: Any = None
    apply: Callable[[Session, list[dict[str, Any]]], None] | None = None


@dataclass(frozen=True)
class Resource:
    """What the API offers of one resource: its public shape, its sorts, facets and
    embeds. Parameters are checked against it; its service reads with it."""

    kind: str
    plural: str
    table: Any
    public_model: type[BaseModel]
    sorts: dict[str, SortField]
    default_sort: str
    facets: dict[str, Facet] = field(default_factory=dict)
    includes: dict[str, Include] = field(default_factory=dict)
    tiebreak: str = "slug"  # a unique column, last in every order

    def order(self, sort: str | None) -> Order:
        """Parse `sort=-date,title`; 422 naming what is wrong."""
        keys, names, written = [], [], []
        for raw in (sort or self.default_sort).split(","):
            name = raw.strip()
            descending = name.startswith("-")
            name = name.lstrip("-")
            if name not in self.sorts:
                allowed = ", ".join(sorted(self.sorts))
                raise InvalidParameter("query.sort", f"cannot sort by {name!r}; use {allowed}")
            if name in names:
                raise InvalidParameter("query.sort", f"{name!r} appears twice")
            names.append(name)
            written.append(("-" if descending else "") + name)
            keys.append(self.sorts[name].key(descending))
        if self.tiebreak not in names:
            keys.append(SortKey(getattr(self.table, self.tiebreak)))
        return Order(tuple(keys), ",".join(written))
