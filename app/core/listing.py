"""Running a list query: keyset page, next cursor, optional exact count."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from app.core.pagination import Page, SortKey, after, decode_cursor, encode_cursor


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
    query = query.order_by(*[k.ordering() for k in keys]).limit(page.limit + 1)
    rows = session.execute(query).all()
    next_cursor = None
    if len(rows) > page.limit:
        rows = rows[: page.limit]
        next_cursor = encode_cursor(signature, list(rows[-1][1:]))
    return PageResult(rows=[row[0] for row in rows], next_cursor=next_cursor, count=total)
