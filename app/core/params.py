"""Query parameters, one pydantic model per route, validated in a single pass.

A route's parameters are a model (its filters plus what every list takes), not a score of
separate `Query()` arguments: FastAPI then validates them in one call into pydantic-core
instead of one per parameter, and the dependencies here are `async` because they do no
I/O, so none of them costs a trip through the thread pool.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field, ValidationInfo, create_model, field_validator
from pydantic_core import PydanticCustomError

from app.core.dates import parse_partial
from app.core.errors import InvalidParameter
from app.core.filters import DateRange
from app.core.listing import ListSpec
from app.core.pagination import MAX_LIMIT, Page

F = TypeVar("F", bound=BaseModel)


def repeatable(description: str) -> Any:
    """A query parameter that may be given several times, absent meaning none. Its empty
    list is made by a factory: a list default is deep-copied on every validation (five
    per events request, ~4% of a first page)."""
    return Field(default_factory=list, description=description, json_schema_extra={"default": []})


class Format(StrEnum):
    json = "json"
    csv = "csv"
    ndjson = "ndjson"
    ics = "ics"


class DatesQuery(BaseModel):
    """`from`/`to`: a date range of partial dates, checked as it is parsed."""

    from_: str | None = Field(
        None,
        alias="from",
        description="Start of a date range: `2013`, `2013-04` or `2013-04-15`. Records "
        "whose span (at its precision) overlaps the range match.",
        examples=["2013"],
    )
    to: str | None = Field(
        None, description="End of the date range, inclusive, partial dates allowed."
    )

    @field_validator("from_", "to")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                parse_partial(value)
            except ValueError as exc:
                raise PydanticCustomError("partial_date", str(exc)) from None
        return value

    @field_validator("to")
    @classmethod
    def _not_before_from(cls, value: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("from_")
        if value is not None and start is not None:
            if parse_partial(value)[1] < parse_partial(start)[0]:
                raise PydanticCustomError("date_order", "is before `from`")
        return value

    @property
    def dates(self) -> DateRange:
        return DateRange(
            start=parse_partial(self.from_)[0] if self.from_ else None,
            end=parse_partial(self.to)[1] if self.to else None,
        )


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


@dataclass(frozen=True)
class ListParams(Generic[F]):
    page: Page
    count: bool
    sort: str | None
    fields: list[str] | None
    include: list[str]
    facets: list[str]
    format: Format | None
    q: str | None
    source: str | None
    filters: F
    # A page of the default order and nothing else asked: one index seek, cheap enough
    # to run on the event loop (`app.core.db.read`).
    bounded: bool = False


# What a list request may give and still be a bounded read: how much, where, what shape.
_BOUNDED = frozenset({"limit", "cursor", "fields", "include", "format", "sort"})


@dataclass(frozen=True)
class DetailParams:
    fields: list[str] | None
    include: list[str]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _checked_shape(spec: ListSpec, fields: str | None, include: str | None) -> DetailParams:
    chosen = _split(fields) or None
    if chosen:
        unknown = [f for f in chosen if f not in spec.public_model.model_fields]
        if unknown:
            raise InvalidParameter("query.fields", f"unknown field(s) {', '.join(unknown)}")
    embedded = _split(include)
    unknown = [name for name in embedded if name not in spec.includes]
    if unknown:
        raise InvalidParameter("query.include", f"cannot include {', '.join(unknown)}")
    return DetailParams(fields=chosen, include=embedded)


class ListQuery(BaseModel):
    """What every list takes; each resource's model describes the allowed values."""

    limit: int | None = Field(
        None,
        ge=1,
        le=MAX_LIMIT,
        description=f"Page size, 1–{MAX_LIMIT}; JSON defaults to 50. "
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


def _list_model(spec: ListSpec, filters: type[BaseModel]) -> type[ListQuery]:
    """The query model of `spec`'s list: its filters, then what every list takes."""
    sorts = ", ".join(sorted(spec.sorts))
    described: dict[str, Any] = {
        "sort": Field(
            None,
            description=f"Comma list of fields, `-` for descending. Fields: {sorts}. "
            f"Default `{spec.default_sort}`; the slug breaks ties.",
            examples=[spec.default_sort],
        ),
        "fields": Field(
            None,
            description="Sparse fieldset: comma list of "
            f"{', '.join(spec.public_model.model_fields)}.",
        ),
        "include": Field(
            None,
            description="Embed related records in full: comma list of "
            f"{', '.join(spec.includes) or 'none'}.",
        ),
        "facets": Field(
            None,
            description="Counts per value for the current filter: "
            f"{', '.join(spec.facets) or 'none'}.",
        ),
    }
    bases = (filters, CitedQuery, ListQuery) if spec.searchable else (filters, ListQuery)
    name = "".join(part.title() for part in spec.plural.split("_")) + "Query"
    fields = {key: (str | None, info) for key, info in described.items()}
    return create_model(name, __base__=bases, **fields)  # type: ignore[call-overload,no-any-return]


def _default_order(spec: ListSpec, sort: str | None) -> bool:
    # However it is spelt (`sort=`, `sort=date%20`): one order, one signature.
    return sort is None or spec.sort_keys(sort)[1] == spec.sort_keys(None)[1]


def list_params(spec: ListSpec, filters: type[F]) -> Any:
    """A dependency giving `spec`'s list parameters, with `filters` (a model) validated."""
    model = _list_model(spec, filters)

    async def dependency(query: ListQuery) -> ListParams[F]:
        shape = _checked_shape(spec, query.fields, query.include)
        return ListParams(
            page=Page(limit=query.limit, cursor=query.cursor),
            count=query.count,
            sort=query.sort,
            fields=shape.fields,
            include=shape.include,
            facets=_split(query.facets),
            format=query.format,
            q=getattr(query, "q", None),
            source=getattr(query, "source", None),
            filters=query,  # type: ignore[arg-type]  # the model is also an F
            bounded=query.model_fields_set <= _BOUNDED and _default_order(spec, query.sort),
        )

    # FastAPI reads the parameter's type from the signature: the resource's own model.
    dependency.__annotations__["query"] = Annotated[model, Query()]
    return dependency


def detail_params(spec: ListSpec) -> Any:
    """`fields=` and `include=` for a resource's detail route."""
    includes = ", ".join(spec.includes) or "none"

    class DetailQuery(BaseModel):
        fields: str | None = Field(
            None, description="Sparse fieldset: comma list of top-level fields."
        )
        include: str | None = Field(None, description=f"Embed related records: {includes}.")

    async def dependency(query: Annotated[DetailQuery, Query()]) -> DetailParams:
        return _checked_shape(spec, query.fields, query.include)

    return dependency
