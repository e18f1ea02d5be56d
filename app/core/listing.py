"""What a resource's list can do (sorts, facets, embeds) and how a list query runs."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, and_, func, select
from sqlmodel import Session

from app.core.documents import CsvLine, ExportLine, as_csv_bytes, as_json
from app.core.errors import InvalidParameter
from app.core.pagination import Page, SortKey, after, decode_cursor, encode_cursor
from app.core.prepared import page_rows

FAR_PAST, FAR_FUTURE = date(1, 1, 1), date(9999, 12, 31)

FacetFn = Callable[[Session, Any], list[tuple[Any, int]]]
LoadFn = Callable[[Session, list[str]], dict[str, dict[str, Any]]]


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
    documents: bool = True  # the table keeps rendered documents (app.core.documents)

    @cached_property
    def whole(self) -> Select[Any]:
        """`select(table)`, one object: a query that is still this object is unfiltered
        (statements are immutable; every filter makes a new one)."""
        return select(self.table)

    @cached_property
    def _orders(self) -> dict[str | None, tuple[tuple[SortKey, ...], str]]:
        return {}

    def sort_keys(self, sort: str | None) -> tuple[list[SortKey], str]:
        """Parse `sort=-date,title` into keys (slug breaks ties) and a cursor signature:
        the order written one way (`-date, title` and `-date,title` are one order, with
        one cursor and one compiled statement). Parsed once per spelling (3% of a first
        page under load), for the first 64 spellings asked; invalid ones raise each time."""
        found = self._orders.get(sort)
        if found is None:
            keys, signature = self._parse_sort(sort)
            found = (tuple(keys), signature)
            if len(self._orders) < 64:
                self._orders[sort] = found
        return list(found[0]), found[1]

    def _parse_sort(self, sort: str | None) -> tuple[list[SortKey], str]:
        spec = sort or self.default_sort
        keys, names, written = [], [], []
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
            written.append(("-" if descending else "") + name)
            keys.append(self.sorts[name].key(descending))
        if self.tiebreak not in names:
            keys.append(SortKey(getattr(self.table, self.tiebreak)))
        return keys, ",".join(written)


@dataclass
class PageResult:
    rows: list[str | bytes]  # each record's JSON, as text or UTF-8
    next_cursor: str | None
    count: int | None = None


def _ordered(
    spec: ListSpec, query: Select[Any], keys: list[SortKey], stored: Any = None
) -> tuple[Select[Any], int]:
    """The query's rows as `(id, stored, *keys)` (or `(entity, *keys)`), in key order;
    `stored` is what each row carries, the document unless given."""
    expressions = [k.expression for k in keys]
    if spec.documents:
        column = spec.table.document if stored is None else stored
        query = query.with_only_columns(spec.table.id, column, *expressions)
        first_key = 2
    else:
        query = query.add_columns(*expressions)
        first_key = 1
    return query.order_by(*[k.ordering() for k in keys]), first_key


def fetch_page(
    session: Session,
    spec: ListSpec,
    query: Select[Any],
    *,
    keys: list[SortKey],
    page: Page,
    signature: str,
    count: bool = False,
) -> PageResult:
    """One page of `query` (which selects `spec`'s table) in the order of `keys`."""
    total = None
    if count:
        total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    start = decode_cursor(page.cursor, signature, keys) if page.cursor else None
    if spec.documents and query is spec.whole:  # the same statement every time
        rows: Sequence[Any] = page_rows(
            session,
            f"{spec.kind}:{signature}",
            # Documents as UTF-8 bytes (SQLite: `ExportLine`; PostgreSQL: `page_rows`):
            # a page is joined from them as they are.
            lambda: _ordered(spec, query, keys, ExportLine(spec.table.document))[0],
            keys,
            start,
            page.size + 1,
            raw=2,  # (id, document): documents as the driver's bytes on both back-ends
        )
        first_key = 2
    else:
        ordered, first_key = _ordered(spec, query, keys)
        if start is not None:
            ordered = ordered.where(after(keys, start))
        rows = session.execute(ordered.limit(page.size + 1)).all()
    next_cursor = None
    if len(rows) > page.size:
        rows = rows[: page.size]
        next_cursor = encode_cursor(signature, list(rows[-1][first_key:]))
    return PageResult(as_json(session, spec, rows), next_cursor=next_cursor, count=total)


def json_array(documents: Sequence[str | bytes]) -> bytes:
    """Stored JSON documents joined into a JSON array, parsing none of them."""
    parts = [d if isinstance(d, bytes) else d.encode() for d in documents]
    return b"[%b]" % b",".join(parts)


def _streamed(
    session: Session,
    spec: ListSpec,
    query: Select[Any],
    keys: list[SortKey],
    start_after: list[Any] | None,
    batch: int,
    stored: Any = None,
) -> Iterator[Sequence[Any]]:
    """Every row of `query` in the order of `keys`, a batch at a time.

    One query, read as it streams (`yield_per`: a server-side cursor on PostgreSQL, a
    lazily stepped statement on SQLite), so memory stays flat and the export is one
    snapshot of the data. Re-querying per batch by keyset was 3-4x slower on SQLite at
    1M rows: each batch paid a fresh seek and plan.
    """
    ordered, _ = _ordered(spec, query, keys, stored)
    if start_after is not None:
        ordered = ordered.where(after(keys, start_after))
    # Stored columns come as the driver hands them over cheapest (`ExportLine`; on
    # PostgreSQL `text_as_bytes`, see app.core.db), through the Core connection: the
    # ORM's result machinery would only add cost (about a tenth of the export's time).
    # Entities need the ORM.
    options = {"yield_per": batch, "text_as_bytes": stored is not None}
    executor = session.connection() if spec.documents else session
    yield from executor.execute(ordered, execution_options=options).partitions()


def iterate_batches(
    session: Session,
    spec: ListSpec,
    query: Select[Any],
    *,
    keys: list[SortKey],
    batch: int = 2000,
    start_after: list[Any] | None = None,
) -> Iterator[list[str | bytes]]:
    """The JSON of every record of `query`, a batch at a time (see `_streamed`), each as
    text or as UTF-8 bytes."""
    stored = ExportLine(spec.table.document) if spec.documents else None
    for rows in _streamed(session, spec, query, keys, start_after, batch, stored):
        yield as_json(session, spec, rows)


def iterate_csv(
    session: Session,
    spec: ListSpec,
    query: Select[Any],
    *,
    keys: list[SortKey],
    batch: int = 2000,
    start_after: list[Any] | None = None,
) -> Iterator[bytes]:
    """The stored CSV lines of every record of `query` (a table with documents), as
    chunks of UTF-8 bytes (see `ExportLine` and `CsvLine`)."""
    # An outer join keeps the record's order index as what the database walks, and a
    # record without a line still comes, to be flattened from its JSON.
    lines = query.outerjoin(
        CsvLine, and_(CsvLine.kind == spec.kind, CsvLine.record_id == spec.table.id)
    )
    stored = ExportLine(CsvLine.line)
    for rows in _streamed(session, spec, lines, keys, start_after, batch, stored):
        yield as_csv_bytes(session, spec, rows)
