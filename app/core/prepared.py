"""Unfiltered list pages, compiled to SQL once per order and run on the driver's cursor.

Building a SELECT, finding its compiled form in SQLAlchemy's cache and reading the rows
through the ORM session cost more than the read itself: about half of a first page's
time in-process. An unfiltered page of a list in a given order is always the same
statement but for its bound values (the cursor's sort values and the page size), so it
is compiled once per (database dialect, resource, order, with or without a cursor) and
executed with the DBAPI cursor of the session's own connection (same transaction).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, bindparam
from sqlalchemy.exc import DBAPIError, StatementError
from sqlmodel import Session

from app.core.db import bytes_loader
from app.core.pagination import SortKey, after


@dataclass(frozen=True)
class _Plan:
    sql: str
    positions: tuple[str, ...] | None  # parameter names in order (qmark), or None (named)
    defaults: dict[str, Any]  # what the compiler bound itself (SQLite's OFFSET 0)
    sqlite: bool  # binds dates as the ISO text SQLite stores; else PostgreSQL


_PLANS: dict[tuple[str, str, bool], _Plan] = {}


def _plan(
    session: Session, name: str, build: Callable[[], Select[Any]], keys: list[SortKey], seek: bool
) -> _Plan:
    dialect = session.get_bind().dialect
    key = (dialect.name, name, seek)
    plan = _PLANS.get(key)
    if plan is None:
        statement = build()
        if seek:
            statement = statement.where(
                after(
                    keys, [bindparam(f"k{i}", type_=k.expression.type) for i, k in enumerate(keys)]
                )
            )
        compiled = statement.limit(bindparam("n")).compile(dialect=dialect)
        positions = tuple(compiled.positiontup) if compiled.positiontup else None
        sqlite = dialect.name == "sqlite"
        defaults = {name: _bound(value, sqlite) for name, value in compiled.params.items()}
        plan = _PLANS[key] = _Plan(compiled.string, positions, defaults, sqlite)
    return plan


def _bound(value: Any, iso_dates: bool) -> Any:
    # The DBAPI cursor gets values as they are, past SQLAlchemy's type processing: a date
    # for SQLite goes as the ISO text it stores (sqlite3's own date adapter is deprecated).
    # Exactly `date`: a datetime's ISO form is not the text SQLAlchemy stores for one.
    return value.isoformat() if iso_dates and type(value) is date else value


def page_rows(
    session: Session,
    name: str,
    build: Callable[[], Select[Any]],
    keys: list[SortKey],
    start_after: list[Any] | None,
    size: int,
    raw: int = 0,
) -> list[tuple[Any, ...]]:
    """Up to `size` rows of the statement `build()` makes (ordered by `keys`, which it
    must end with) that come after `start_after`, a cursor's values. `name` identifies
    that statement: the same name must always build the same one. Text in the first
    `raw` columns may come as UTF-8 bytes (as `ExportLine` gives it on SQLite)."""
    plan = _plan(session, name, build, keys, start_after is not None)
    values: dict[str, Any] = {**plan.defaults, "n": size}
    for i, value in enumerate(start_after or ()):
        values[f"k{i}"] = _bound(value, plan.sqlite)
    parameters = [values[name] for name in plan.positions] if plan.positions else values
    connection = session.connection()
    fairy = connection.connection
    raw_connection: Any = fairy.dbapi_connection
    cursor: Any = None
    try:
        if plan.sqlite:
            cursor = raw_connection.cursor()
            try:
                cursor.execute(plan.sql, parameters)
                return list(cursor.fetchall())
            finally:
                cursor.close()
        # PostgreSQL: one cursor per connection, kept, that reads `text` as UTF-8 bytes
        # (a cursor's own loaders cost a copy of the connection's at each new cursor).
        cursor = fairy.info.get("page_cursor")
        if cursor is None or cursor.closed or cursor.connection is not raw_connection:
            cursor = fairy.info["page_cursor"] = raw_connection.cursor()
            cursor.adapters.register_loader("text", bytes_loader())
        cursor.execute(plan.sql, parameters)
        rows = cursor.fetchall()
    except connection.dialect.loaded_dbapi.Error as exc:
        raise _as_sqlalchemy_error(connection, plan.sql, parameters, exc, cursor) from exc
    # The stored documents (before `raw`) stay the bytes they came as, joined into the
    # page as they are; psycopg decoding each into a str only for the page to encode it
    # back was 7.5% of a first page's worker time under load. Text after them (the sort
    # keys, for the cursor) is decoded.
    return [
        (*row[:raw], *[v.decode() if v.__class__ is bytes else v for v in row[raw:]])
        for row in rows
    ]


def _as_sqlalchemy_error(
    connection: Connection, sql: str, parameters: Any, exc: Any, cursor: Any
) -> StatementError:
    """The driver's error as SQLAlchemy would have raised it, had it run the statement:
    wrapped in `DBAPIError` (so `read` can tell a lock from a fault) and, when the
    connection was lost, with the connection invalidated, as SQLAlchemy does itself."""
    dialect = connection.dialect
    lost = dialect.is_disconnect(exc, connection.connection.dbapi_connection, cursor)
    if lost:
        connection.invalidate(exc)
    return DBAPIError.instance(
        sql,
        parameters,
        exc,
        dialect.loaded_dbapi.Error,
        dialect=dialect,
        connection_invalidated=lost,
    )
