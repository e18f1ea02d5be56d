"""Dates as the sources give them: partial ISO dates with a precision (`2013`,
`2013-04`, `2013-04-15`), and the stored spans of dated records (events, programmes,
quotes)."""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Field as ColumnField
from sqlmodel import SQLModel


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"
    approximate = "approximate"


FAR_PAST, FAR_FUTURE = date(1, 1, 1), date(9999, 12, 31)
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


# SQL for a dated record's sort key: its start, or a far-future day when undated.
DATE_KEY = "coalesce(start_date, '9999-12-31')"
# A dated record with no end: it runs on, overlapping every range after its start.
OPEN_ENDED = "start_date IS NOT NULL AND end_date IS NULL"


class SpanDays(FunctionElement[int]):
    """How many days a record's span lasts, in each database's date arithmetic.

    Stored and indexed, its maximum bounds a date-range filter from below: a closed record
    that overlaps a range starting on day `s` started on or after `s - max(span_days)`.
    An open-ended record counts 0 days here and runs on for ever: see
    `app.events.service.earliest_start`.
    """

    type = Integer()
    inherit_cache = True


@compiles(SpanDays, "sqlite")
def _span_days_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return "CAST(julianday(coalesce(end_date, start_date)) - julianday(start_date) AS INTEGER)"


@compiles(SpanDays, "postgresql")
def _span_days_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    return "(coalesce(end_date, start_date) - start_date)"


class SpanColumns(SQLModel):
    """Columns of a dated record: its span runs from `start_date` to `end_date` inclusive.

    `start_date` is the first day the start can mean and `end_date` the last day the end
    can mean, so "2013-04" is stored as 2013-04-01 .. 2013-04-30 and range filters are
    plain comparisons.
    """

    start_date: date | None = ColumnField(default=None, index=True)
    start_precision: str | None = None
    end_date: date | None = ColumnField(default=None, index=True)
    end_precision: str | None = None
    date_label: str | None = None
    date_note: str | None = None


class DateSpan(BaseModel):
    """A date or span as the sources support it."""

    start: str | None = Field(description="Start as a partial ISO date at its precision.")
    end: str | None = Field(description="End as a partial ISO date; null when open-ended.")
    start_precision: Precision | None
    end_precision: Precision | None
    earliest: date | None = Field(description="First day the span can cover.")
    latest: date | None = Field(description="Last day the span can cover; null if open.")
    label: str | None = Field(description="Wording of an approximate date, e.g. 'early 1990s'.")
    note: str | None = Field(description="How the date was worked out from the text.")

    @classmethod
    def of(cls, row: SpanColumns) -> "DateSpan | None":
        if row.start_date is None:
            return None
        return cls(
            start=format_partial(row.start_date, row.start_precision),
            end=format_partial(row.end_date, row.end_precision),
            start_precision=Precision(row.start_precision) if row.start_precision else None,
            end_precision=Precision(row.end_precision) if row.end_precision else None,
            earliest=row.start_date,
            latest=row.end_date,
            label=row.date_label,
            note=row.date_note,
        )


@dataclass(frozen=True)
class DateRange:
    """Inclusive day bounds; either may be open."""

    start: date | None = None
    end: date | None = None

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None


# What a date parameter looks like (a year 0001-9999, a month 01-12, a day 01-31); the
# calendar then rules out the 30th of February.
PARTIAL_DATE = r"^(?!0000)\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
# As the OpenAPI document declares it: a year or a month by pattern, a day as a `date`,
# which says that the day must be in the calendar (no regular expression says it simply).
DECLARED_PARTIAL_DATE = {
    "anyOf": [
        {"type": "string", "pattern": r"^(?!0000)\d{4}(?:-(?:0[1-9]|1[0-2]))?$"},
        {"type": "string", "format": "date"},
    ]
}


def _checked_partial(value: str) -> str:
    try:
        if re.fullmatch(PARTIAL_DATE, value) is None:  # nothing around it, not even spaces
            raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        parse_partial(value)
    except ValueError as exc:
        raise PydanticCustomError("partial_date", str(exc)) from None
    return value


# A query parameter holding a partial date, checked as it is read: every date parameter
# takes `2013`, `2013-04` or `2013-04-15`, and says the same when given anything else.
def _as_declared(schema: dict[str, Any]) -> None:
    schema.clear()
    schema.update(DECLARED_PARTIAL_DATE)


PartialDate = Annotated[
    str, AfterValidator(_checked_partial), Field(json_schema_extra=_as_declared)
]


def span_of(value: str) -> DateRange:
    """The days a partial date covers: `2021` is every day of 2021."""
    first, last, _ = parse_partial(value)
    return DateRange(first, last)


class DatesQuery(BaseModel):
    """`from`/`to`: a date range of partial dates, checked as it is parsed."""

    from_: PartialDate | None = Field(
        None,
        alias="from",
        description="Start of a date range: `2013`, `2013-04` or `2013-04-15`. Records "
        "whose span (at its precision) overlaps the range match.",
        examples=["2013"],
    )
    to: PartialDate | None = Field(
        None, description="End of the date range, inclusive, partial dates allowed."
    )

    @field_validator("to")
    @classmethod
    def _not_before_from(cls, value: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("from_")
        if value is not None and start is not None:
            if parse_partial(value)[1] < parse_partial(start)[0]:
                raise PydanticCustomError("date_order", "is before `from`")
        return value

    @property
    def dates(self) -> DateRange:
        return DateRange(
            start=parse_partial(self.from_)[0] if self.from_ else None,
            end=parse_partial(self.to)[1] if self.to else None,
        )
