"""Keyset pagination: an opaque cursor holds the last row's sort values.

A deep page costs the same as the first, because the next page starts with a
`WHERE (sort values) > (last values)` on an index, never an OFFSET.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query
from sqlalchemy import ColumnElement, and_, false, or_

from app.core.errors import InvalidParameter

MAX_LIMIT = 200


@dataclass(frozen=True)
class Page:
    limit: int
    cursor: str | None


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1–{MAX_LIMIT}.")] = 50,
    cursor: Annotated[
        str | None, Query(description="Opaque cursor from `meta.next_cursor` or `links.next`.")
    ] = None,
) -> Page:
    return Page(limit=limit, cursor=cursor)


PageDep = Annotated[Page, Depends(page_params)]


@dataclass(frozen=True)
class SortKey:
    """One ORDER BY term: a non-null SQL expression and its direction."""

    expression: Any
    descending: bool = False
    is_date: bool = False

    def ordering(self) -> Any:
        return self.expression.desc() if self.descending else self.expression.asc()


def encode_cursor(signature: str, values: list[Any]) -> str:
    raw = json.dumps([signature, [_dump(v) for v in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, signature: str, keys: list[SortKey]) -> list[Any]:
    """The sort values a cursor carries; 422 if it is malformed or from another query."""
    try:
        padded = token + "=" * (-len(token) % 4)
        stored_signature, values = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, binascii.Error, TypeError):
        raise InvalidParameter("query.cursor", "is not a cursor this service issued") from None
    if stored_signature != signature or len(values) != len(keys):
        raise InvalidParameter(
            "query.cursor", "belongs to a different sort order; start again without a cursor"
        )
    try:
        return [
            date.fromisoformat(v) if k.is_date else v for v, k in zip(values, keys, strict=True)
        ]
    except (TypeError, ValueError):
        raise InvalidParameter("query.cursor", "is not a cursor this service issued") from None


def after(keys: list[SortKey], values: list[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the order of `keys` (a lexicographic comparison)."""
    clause: ColumnElement[bool] = false()
    for i in reversed(range(len(keys))):
        key, value = keys[i], values[i]
        beyond = key.expression < value if key.descending else key.expression > value
        tie = and_(*[keys[j].expression == values[j] for j in range(i)]) if i else None
        term = and_(tie, beyond) if tie is not None else beyond
        clause = or_(term, clause)
    return clause


def _dump(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
