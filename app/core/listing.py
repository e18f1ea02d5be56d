"""What a resource's list can do (sorts, facets, embeds) and how a list query runs."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.core.errors import InvalidParameter
from app.core.pagination import Page, SortKey, after, decode_cursor, encode_cursor

FAR_PAST, FAR_FUTURE = date(1, 1, 1), date(9999, 12, 31)

FacetFn = Callable[[Session, Any], list[tuple[Any, int]]]
LoadFn = Callable[[Session, list[str]], dict[str, BaseModel]]


@dataclass(frozen=True)
class SortField:
    """A field a list may be sorted by. Dates sort undated records last either way."""

    column: Any
    is_date: bool = False

    def key(self, descending: bool) -> SortKey:
        expression = self.column
        if self.is_date:
            expression = func.coalesce(self.column, FAR_PAST if descending else FAR_FUTURE)
        return SortKey(expression, descending=descending, is_date=self.is_date)


@dataclass(frozen=True)
class Include:
    """An `include=` name: replace the references in `field` by full records.

    `apply`, when given, does its own embedding on the JSON-ready records instead.
    """

    field: str
    load: LoadFn | None = None
    apply: Callable[[Session, list[dict[str, Any]]], None] | None = None


@dataclass
class ListSpec:
    """Everything generic code needs to list, shape and export one resource."""

    kind: str
    plural: str
    public_model: type[BaseModel]
    table: Any
    sorts: dict[str, SortField]
    default_sort: str
    hydrate: Callable[[Session, list[Any]], list[Any]]
    facets: dict[str, FacetFn] = field(default_factory=dict)
    includes: dict[str, Include] = field(default_factory=dict)
    tiebreak: str = "slug"  # a unique column, last in every order
    searchable: bool = True  # takes `q` and `source` (lists of cited records)

    def sort_keys(self, sort: str | None) -> tuple[list[SortKey], str]:
        """Parse `sort=-date,title` into keys (slug breaks ties) and a cursor signature."""
        spec = sort or self.default_sort
        keys, names = [], []
        for raw in spec.split(","):
            name = raw.strip()
            descending = name.startswith("-")
            name = name.lstrip("-")
            if name not in self.sorts:
                allowed = ", ".join(sorted(self.sorts))
                raise InvalidParameter("query.sort", f"cannot sort by {name!r}; use {allowed}")
            if name in names:
                raise InvalidParameter("query.sort", f"{name!r} appears twice")
            names.append(name)
            keys.append(self.sorts[name].key(descending))
        if self.tiebreak not in names:
            keys.append(SortKey(getattr(self.table, self.tiebreak)))
        return keys, spec


@dataclass
class PageResult:
    rows: list[Any]
    next_cursor: str | None
    count: int | None = None


def fetch_page(
    session: Session,
    query: Select[Any],
    *,
    keys: list[SortKey],
    page: Page,
    signature: str,
    count: bool = False,
) -> PageResult:
    """One page of `query` (which selects a single entity) in the order of `keys`."""
    total = None
    if count:
        total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    query = query.add_columns(*[k.expression for k in keys])
    if page.cursor:
        query = query.where(after(keys, decode_cursor(page.cursor, signature, keys)))
    query = query.order_by(*[k.ordering() for k in keys]).limit(page.size + 1)
    rows = session.execute(query).all()
    next_cursor = None
    if len(rows) > page.size:
        rows = rows[: page.size]
        next_cursor = encode_cursor(signature, list(rows[-1][1:]))
    return PageResult(rows=[row[0] for row in rows], next_cursor=next_cursor, count=total)


def iterate_batches(
    session: Session,
    query: Select[Any],
    *,
    keys: list[SortKey],
    batch: int = 500,
    start_after: list[Any] | None = None,
) -> Iterator[list[Any]]:
    """Every row of `query`, a batch at a time, by keyset: memory stays flat."""
    values = start_after
    ordered = query.add_columns(*[k.expression for k in keys]).order_by(
        *[k.ordering() for k in keys]
    )
    while True:
        step = ordered if values is None else ordered.where(after(keys, values))
        rows = session.execute(step.limit(batch)).all()
        if not rows:
            return
        yield [row[0] for row in rows]
        if len(rows) < batch:
            return
        values = list(rows[-1][1:])


def facet_counts(
    session: Session, spec: ListSpec, query: Select[Any], names: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Counts per value of each requested facet, over every record the filters match."""
    ids = query.with_only_columns(spec.table.id).scalar_subquery()
    out = {}
    for name in names:
        if name not in spec.facets:
            allowed = ", ".join(sorted(spec.facets))
            raise InvalidParameter("query.facets", f"no facet {name!r}; use {allowed}")
        counts = spec.facets[name](session, ids)
        ordered = sorted(counts, key=lambda vc: (-vc[1], str(vc[0])))
        out[name] = [{"value": value, "count": n} for value, n in ordered]
    return out


def column_facet(column: Any) -> FacetFn:
    """Facet on a column of the listed table."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        table = column.class_
        query = select(column, func.count()).where(table.id.in_(ids)).group_by(column)
        return [(v, n) for v, n in session.execute(query).all()]

    return count


def year_facet(column: Any) -> FacetFn:
    """Facet on the year of a date column (undated records count under null)."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        table = column.class_
        year = func.extract("year", column)
        query = select(year, func.count()).where(table.id.in_(ids)).group_by(year)
        return [(int(v) if v is not None else None, n) for v, n in session.execute(query).all()]

    return count


def link_facet(link: Any, own: str, other: str, target: Any) -> FacetFn:
    """Facet on the records linked through `link` (e.g. an event's areas), by slug."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        query = (
            select(target.slug, func.count())
            .join(link, getattr(link, other) == target.id)
            .where(getattr(link, own).in_(ids))
            .group_by(target.slug)
        )
        return [(v, n) for v, n in session.execute(query).all()]

    return count


def fk_facet(column: Any, target: Any) -> FacetFn:
    """Facet on a foreign key of the listed table, by the target's slug (null when unset)."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        table = column.class_
        # An alias, because the target may be the listed table itself (an area's parent).
        other = aliased(target)
        query = (
            select(other.slug, func.count())
            .select_from(table)
            .outerjoin(other, other.id == column)
            .where(table.id.in_(ids))
            .group_by(other.slug)
        )
        return [(v, n) for v, n in session.execute(query).all()]

    return count
