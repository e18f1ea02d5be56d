"""The SQL of a resource's list: its filters, and its pages, read by keyset (a deep page
costs what the first does)."""

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    LargeBinary,
    Select,
    and_,
    bindparam,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from app.core.dates import FAR_FUTURE, DateRange
from app.core.errors import InvalidParameter, UnknownRecord
from app.core.models import SLUG, SLUG_MAX_LENGTH
from app.core.orders import Order, SortKey
from app.core.releases import current_slugs


def after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the order of `keys`. When every key runs the same
    way this is one row-value comparison, `(a, b) > (x, y)`, which both databases answer
    with a seek on an index over (a, b); mixed directions need the longer OR form."""
    if len({k.descending for k in keys}) == 1:
        columns = tuple_(*[k.expression for k in keys])
        bounds = tuple_(*[v if isinstance(v, ColumnElement) else literal(v) for v in values])
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
    return _listed(rows, limit)


def read_documents(
    session: Session,
    query: Select[Any],
    table: Any,
    order: Order,
    *,
    limit: int,
    start_after: list[Any] | None,
) -> Listed:
    """A page of the stored documents of `query`'s rows of `table`, as `read_page` reads."""
    if query.whereclause is None:
        return _listed(_whole_table_page(session, table, order, limit + 1, start_after), limit)
    documents = query.with_only_columns(AsBytes(table.document))
    return read_page(session, documents, order, limit=limit, start_after=start_after)


def _listed(rows: Sequence[Any], limit: int) -> Listed:
    if len(rows) <= limit:
        return Listed([row[0] for row in rows], None)
    return Listed([row[0] for row in rows[:limit]], list(rows[limit - 1][1:]))


class AsBytes(FunctionElement[Any]):
    """A stored text column read as its driver hands it over cheapest: SQLite gives the
    UTF-8 bytes (no decoding a document into a str only to encode it back into a page or
    an export; docs/performance.md has what it buys); PostgreSQL gives text."""

    type = LargeBinary()  # no result processing on either driver: values pass as they come
    inherit_cache = True


@compiles(AsBytes, "sqlite")
def _as_bytes_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    # SQLite stores text as UTF-8; CAST to BLOB hands over those bytes unchanged.
    return f"CAST({compiler.process(element.clauses, **kw)} AS BLOB)"


@compiles(AsBytes, "postgresql")
def _as_bytes_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


# A page of a whole table in a given order is one statement but for its values: compiled
# once, it runs without building, caching or the ORM's result machinery, which cost more
# than the read itself (docs/performance.md). Keyed by what makes the statement.
_WHOLE: dict[tuple[str, str, str, bool], tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}


def _whole_table_page(
    session: Session, table: Any, order: Order, size: int, start_after: list[Any] | None
) -> list[Any]:
    connection = session.connection()
    dialect = connection.dialect
    key = (dialect.name, table.__tablename__, order.signature, start_after is None)
    plan = _WHOLE.get(key)
    if plan is None:
        bounds = [bindparam(f"k{i}", type_=k.expression.type) for i, k in enumerate(order.keys)]
        column = select(AsBytes(table.document))
        statement = ordered(column, order, None if start_after is None else bounds)
        compiled = statement.limit(bindparam("n")).compile(dialect=dialect)
        positions = tuple(compiled.positiontup) if compiled.positiontup else None
        # What the compiler bound itself (SQLite's OFFSET 0) comes with every run.
        plan = _WHOLE[key] = (compiled.string, positions, compiled.params)
    sql, positions, defaults = plan
    values = {**defaults, "n": size} | {f"k{i}": v for i, v in enumerate(start_after or ())}
    if dialect.name == "sqlite":  # dates as the ISO text SQLite stores
        values = {k: v.isoformat() if type(v) is date else v for k, v in values.items()}
    parameters = tuple(values[name] for name in positions) if positions else values
    # On the driver's own connection: SQLAlchemy's result machinery costs more than this
    # read (docs/performance.md). sqlite3 and psycopg both take the compiled statement.
    pooled = connection.connection
    try:
        return pooled.driver_connection.execute(sql, parameters).fetchall()
    except dialect.loaded_dbapi.Error as exc:
        # As SQLAlchemy raises it, so that a lock wait or a lost connection reads the same.
        lost = dialect.is_disconnect(exc, pooled, None)
        if lost:
            connection.invalidate(exc)
        error = dialect.loaded_dbapi.Error
        raise DBAPIError.instance(
            sql, parameters, exc, error, connection_invalidated=lost, dialect=dialect
        ) from exc


def resolve_slugs(session: Session, table: Any, slugs: list[str], param: str) -> list[int]:
    """The ids of the named records: a 422 naming a value that is no slug, a 404 naming
    any slug that matches nothing."""
    if not slugs:
        return []
    malformed = [s for s in slugs if len(s) > SLUG_MAX_LENGTH or not re.fullmatch(SLUG, s)]
    if malformed:
        reason = f"{malformed[0]!r} is not a slug (lowercase letters and digits, by hyphens)"
        raise InvalidParameter(f"query.{param}", reason)
    found = _ids(session, table, slugs)
    missing = [s for s in slugs if s not in found]
    if missing and (renamed := current_slugs(session, table, missing)):
        now = _ids(session, table, list(renamed.values()))  # a former slug names its record
        found.update({old: now[new] for old, new in renamed.items() if new in now})
        missing = [s for s in slugs if s not in found]
    if missing:
        raise UnknownRecord(f"query.{param}", f"no record has the slug {', '.join(missing)}")
    return [found[s] for s in slugs]


def _ids(session: Session, table: Any, slugs: list[str]) -> dict[str, int]:
    return dict(session.execute(select(table.slug, table.id).where(table.slug.in_(slugs))).all())  # type: ignore[arg-type]


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
    linked = session.execute(select(func.count()).select_from(some.subquery())).scalar_one()
    if linked < COMMON_LINKS:
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
