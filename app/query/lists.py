"""The SQL of a resource's list: what it offers (`Resource`), its orders, its filters,
and its pages, read by keyset: a deep page costs what the first does."""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlmodel import Session

from app.core.dates import FAR_FUTURE, FAR_PAST, DateRange
from app.core.errors import InvalidParameter

Facet = Callable[[Session, Any], list[tuple[Any, int]]]


@dataclass(frozen=True)
class SortKey:
    """One ORDER BY term: a non-null SQL expression and its direction."""

    expression: Any
    descending: bool = False
    is_date: bool = False

    def ordering(self) -> Any:
        return self.expression.desc() if self.descending else self.expression.asc()


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


def after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the order of `keys`. When every key runs the same
    way this is one row-value comparison, `(a, b) > (x, y)`, which both databases answer
    with a seek on an index over (a, b); mixed directions need the longer OR form."""
    if len({k.descending for k in keys}) == 1:
        columns = tuple_(*[k.expression for k in keys])
        bounds = tuple_(*[literal(v) for v in values])
        return columns < bounds if keys[0].descending else columns > bounds
    clause: ColumnElement[bool] = false()
    for i in reversed(range(len(keys))):
        key, value = keys[i], values[i]
        beyond = key.expression < value if key.descending else key.expression > value
        ties = [keys[j].expression == values[j] for j in range(i)]
        clause = or_(and_(*ties, beyond) if ties else beyond, clause)
    return clause


@dataclass
class Listed:
    """A page of records (stored documents, or reshaped records), the values the next
    page starts after (None on the last), and what was counted."""

    records: list[Any]
    next_after: list[Any] | None
    count: int | None = None
    facets: dict[str, list[dict[str, Any]]] | None = None


def ordered(query: Select[Any], order: Order, start_after: list[Any] | None) -> Select[Any]:
    """`query`'s columns, then the order's keys, in that order, after `start_after`."""
    statement = query.add_columns(*[k.expression for k in order.keys])
    if start_after is not None:
        statement = statement.where(after(order.keys, start_after))
    return statement.order_by(*[k.ordering() for k in order.keys])


def read_page(
    session: Session, query: Select[Any], order: Order, *, limit: int, start_after: list[Any] | None
) -> Listed:
    """Up to `limit` values of `query`'s one column in `order`, after a cursor's values."""
    rows = session.execute(ordered(query, order, start_after).limit(limit + 1)).all()
    if len(rows) <= limit:
        return Listed([row[0] for row in rows], None)
    return Listed([row[0] for row in rows[:limit]], list(rows[limit - 1][1:]))


def resolve_slugs(session: Session, table: Any, slugs: list[str], param: str) -> list[int]:
    """The ids of the named records; 422 naming any slug that matches nothing."""
    if not slugs:
        return []
    found = dict(session.execute(select(table.slug, table.id).where(table.slug.in_(slugs))).all())
    missing = [s for s in slugs if s not in found]
    if missing:
        raise InvalidParameter(f"query.{param}", f"no record with slug {', '.join(missing)}")
    return [found[s] for s in slugs]


def with_descendants(session: Session, table: Any, ids: list[int]) -> set[int]:
    """The given ids of a tree-shaped table and every id beneath them."""
    children: dict[int, list[int]] = defaultdict(list)
    for child, parent in session.execute(select(table.id, table.parent_id)).all():
        if parent is not None:
            children[parent].append(child)
    found, stack = set(ids), list(ids)
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


# Links at which a filter stops being selective: walking the list's order and checking
# each row's link then beats reading every linked row and sorting them (docs/performance.md).
COMMON_LINKS = 5000


def linked_to(
    session: Session, query: Select[Any], table: Any, link: Any, own: str, other: str, ids: Any
) -> Select[Any]:
    """Rows of `table` linked through `link` to any of `ids`. A rare link drives the
    query (`id IN (linked ids)`); a common one is checked row by row (`EXISTS`) while the
    database walks the order's index. A count capped at `COMMON_LINKS` decides: neither
    planner picks well for both."""
    owner, target = getattr(link, own), getattr(link, other)
    # Counting constants: the index on `other` alone answers it.
    some = select(literal(1)).select_from(link).where(target.in_(ids)).limit(COMMON_LINKS)
    if session.execute(select(func.count()).select_from(some.subquery())).scalar_one() < (
        COMMON_LINKS
    ):
        return query.where(table.id.in_(select(owner).where(target.in_(ids))))
    return query.where(exists().where(owner == table.id, target.in_(ids)))


def overlaps(
    start: Any, end: Any, span: DateRange, *, order_key: Any = None, earliest: date | None = None
) -> ColumnElement[bool]:
    """The record's span [start, end] overlaps `span`; a null end means still running.

    Given the table's date `order_key` (its start, `FAR_FUTURE` when undated; indexed with
    the end) and the `earliest` start an overlapping record can have, every condition is
    on that index and bounds it on both sides: the database reads only that stretch."""
    conditions = []
    if order_key is not None:
        last = FAR_FUTURE - timedelta(days=1)  # dated, and started by the range's end
        conditions.append(order_key <= (last if span.end is None else min(span.end, last)))
        if earliest is not None:
            conditions.append(order_key >= earliest)
    else:
        conditions.append(start.is_not(None))
        if span.end is not None:
            conditions.append(start <= span.end)
    if span.start is not None:
        conditions.append(func.coalesce(end, FAR_FUTURE) >= span.start)
    return and_(*conditions)
