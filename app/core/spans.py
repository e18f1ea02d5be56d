"""Date spans stored with their precision, shared by events, programmes and quotes."""

from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Field as ColumnField
from sqlmodel import SQLModel

from app.core.dates import Precision, format_partial

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
