"""Orders and cursors: how a list is sorted (`Order`, made of `SortKey`s; a resource
offers `SortField`s), and a cursor: the place after a row in one order, as an opaque
token that carries the row's sort values exactly and refuses anything it did not issue."""

import base64
import binascii
import json
import math
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Float, Integer, String, func

from app.core.dates import FAR_FUTURE, FAR_PAST
from app.core.errors import InvalidParameter


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


def encode_cursor(signature: str, values: list[Any]) -> str:
    """An opaque, URL-safe cursor: the order's signature and the last row's sort values
    (pydantic-core writes dates as ISO text and floats in their shortest exact form)."""
    return base64.urlsafe_b64encode(to_json([signature, values])).rstrip(b"=").decode()


def decode_cursor(token: str, order: Order) -> list[Any]:
    """The sort values a cursor carries, each of its key's type; 422 if it is malformed or
    from another order (a forged value must never reach the database as it is)."""
    try:
        padded = token + "=" * (-len(token) % 4)
        signature, values = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, binascii.Error, TypeError, RecursionError):
        raise InvalidParameter("query.cursor", "is not a cursor this service issued") from None
    shaped = isinstance(values, list) and len(values) == len(order.keys)
    if signature != order.signature or not shaped:
        raise InvalidParameter(
            "query.cursor", "belongs to a different sort order; start again without a cursor"
        )
    try:
        return [_typed(v, k) for v, k in zip(values, order.keys, strict=True)]
    except (TypeError, ValueError):
        raise InvalidParameter("query.cursor", "is not a cursor this service issued") from None


def _typed(value: Any, key: SortKey) -> Any:
    """`value` as its key's column takes it (dates come as ISO text); else ValueError."""
    if key.is_date:
        return date.fromisoformat(value)
    kind = key.value_type
    if type(value) is str and kind in (str, None) and _storable(value):
        return value
    if type(value) is int and kind in (int, float, None) and -(2**63) <= value < 2**63:
        return value
    if type(value) is float and kind is float and math.isfinite(value):
        return value  # (JSON as Python reads it has NaN and Infinity; no order has them)
    raise ValueError(f"{value!r} is not a value of this order")


def _storable(text: str) -> bool:
    """Text a database can hold: no NUL, and no unpaired surrogate (not UTF-8 at all)."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return "\x00" not in text
