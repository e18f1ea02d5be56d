"""Partial ISO dates with a precision: `2013`, `2013-04`, `2013-04-15`."""

import calendar
import re
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"
    approximate = "approximate"


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(value: str) -> tuple[date, date, Precision]:
    """Return the first day, last day and precision that a partial ISO date covers.

    Raises ValueError for anything that is not YYYY, YYYY-MM or YYYY-MM-DD.
    """
    match = _PARTIAL.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31), Precision.year
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last), Precision.month
    exact = date(year, month, day)  # raises ValueError for 2013-02-30
    return exact, exact, Precision.day


def format_partial(value: date | None, precision: str | None) -> str | None:
    """Render a stored date at its precision: the inverse of `parse_partial`."""
    if value is None:
        return None
    if precision == Precision.year or precision == Precision.approximate:
        return f"{value.year:04d}"
    if precision == Precision.month:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
