"""Query parameters shared by the list routes, declared once and documented per resource."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query

from app.core.dates import parse_partial
from app.core.errors import InvalidParameter
from app.core.filters import DateRange
from app.core.listing import ListSpec
from app.core.pagination import MAX_LIMIT, Page


class Format(StrEnum):
    json = "json"
    csv = "csv"
    ndjson = "ndjson"
    ics = "ics"


@dataclass(frozen=True)
class ListParams:
    page: Page
    count: bool
    sort: str | None
    fields: list[str] | None
    include: list[str]
    facets: list[str]
    format: Format | None
    q: str | None
    source: str | None


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def list_params(spec: ListSpec) -> Callable[..., ListParams]:
    """A dependency for the list parameters of one resource, with its allowed values."""
    sorts = ", ".join(sorted(spec.sorts))
    fields_allowed = ", ".join(spec.public_model.model_fields)
    includes = ", ".join(spec.includes) or "none"
    facets = ", ".join(spec.facets) or "none"

    def dependency(
        limit: Annotated[
            int | None,
            Query(
                ge=1,
                le=MAX_LIMIT,
                description=f"Page size, 1–{MAX_LIMIT}; JSON defaults to 50. "
                "CSV, NDJSON and iCalendar export every match unless a limit is given.",
            ),
        ] = None,
        cursor: Annotated[
            str | None,
            Query(description="Opaque cursor from `meta.next_cursor` or `links.next`."),
        ] = None,
        count: Annotated[
            bool, Query(description="Add the exact number of matches as `meta.count`.")
        ] = False,
        sort: Annotated[
            str | None,
            Query(
                description=f"Comma list of fields, `-` for descending. Fields: {sorts}. "
                f"Default `{spec.default_sort}`; the slug breaks ties.",
                examples=[spec.default_sort],
            ),
        ] = None,
        fields: Annotated[
            str | None,
            Query(description=f"Sparse fieldset: comma list of {fields_allowed}."),
        ] = None,
        include: Annotated[
            str | None,
            Query(description=f"Embed related records in full: comma list of {includes}."),
        ] = None,
        facets: Annotated[
            str | None,
            Query(description=f"Counts per value for the current filter: {facets}."),
        ] = None,
        format: Annotated[
            Format | None,
            Query(description="Response format; overrides the Accept header."),
        ] = None,
        q: Annotated[
            str | None,
            Query(
                min_length=1,
                max_length=500,
                description='Full-text search: words, "phrases", OR, -exclusions. '
                "British and American spellings match each other.",
            ),
        ] = None,
        source: Annotated[
            str | None, Query(description="Only records cited by this source (a source slug).")
        ] = None,
    ) -> ListParams:
        chosen = _split(fields) or None
        if chosen:
            unknown = [f for f in chosen if f not in spec.public_model.model_fields]
            if unknown:
                raise InvalidParameter("query.fields", f"unknown field(s) {', '.join(unknown)}")
        embedded = _split(include)
        unknown = [name for name in embedded if name not in spec.includes]
        if unknown:
            raise InvalidParameter("query.include", f"cannot include {', '.join(unknown)}")
        return ListParams(
            page=Page(limit=limit, cursor=cursor),
            count=count,
            sort=sort,
            fields=chosen,
            include=embedded,
            facets=_split(facets),
            format=format,
            q=q,
            source=source,
        )

    if spec.searchable:
        return dependency
    # A list that is not of cited records (a source's citations) has no `q` or `source`:
    # the same dependency with those two parameters left out of its signature.
    signature = inspect.signature(dependency)
    kept = [p for name, p in signature.parameters.items() if name not in ("q", "source")]

    def without_search(**kwargs: Any) -> ListParams:
        return dependency(**kwargs)

    without_search.__signature__ = signature.replace(parameters=kept)  # type: ignore[attr-defined]
    return without_search


def date_range(
    from_: Annotated[
        str | None,
        Query(
            alias="from",
            description="Start of a date range: `2013`, `2013-04` or `2013-04-15`. Records "
            "whose span (at its precision) overlaps the range match.",
            examples=["2013"],
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(description="End of the date range, inclusive, partial dates allowed."),
    ] = None,
) -> DateRange:
    start = _partial(from_, "from", first=True)
    end = _partial(to, "to", first=False)
    if start and end and start > end:
        raise InvalidParameter("query.to", "is before `from`")
    return DateRange(start=start, end=end)


def _partial(value: str | None, name: str, *, first: bool) -> date | None:
    if value is None:
        return None
    try:
        low, high, _ = parse_partial(value)
    except ValueError as exc:
        raise InvalidParameter(f"query.{name}", str(exc)) from None
    return low if first else high


@dataclass(frozen=True)
class DetailParams:
    fields: list[str] | None
    include: list[str]


def detail_params(spec: ListSpec) -> Callable[..., DetailParams]:
    """`fields=` and `include=` for a resource's detail route."""
    list_dependency = list_params(spec)

    def dependency(
        fields: Annotated[
            str | None,
            Query(description="Sparse fieldset: comma list of top-level fields."),
        ] = None,
        include: Annotated[
            str | None,
            Query(description=f"Embed related records: {', '.join(spec.includes) or 'none'}."),
        ] = None,
    ) -> DetailParams:
        checked = list_dependency(fields=fields, include=include)
        return DetailParams(fields=checked.fields, include=checked.include)

    return dependency
