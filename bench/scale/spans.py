"""Synthetic date spans, stored as the curated loader stores them (first day .. last day)."""

import calendar
from datetime import date, timedelta
from random import Random

Span = tuple[str | None, str | None, str | None, str | None, str | None, str | None]
UNDATED: Span = (None, None, None, None, None, None)

_FIRST, _LAST = date(1990, 1, 1).toordinal(), date(2026, 6, 30).toordinal()
_LAST_DAY = date(2026, 12, 31)
_LONG = {"operation", "relief_operation"}
_SEVERAL_DAYS = {"exercise", "conference", "symposium", "summit", "training", "visit", "talks"}
_PARTS = (("early", 0, 3), ("mid-", 3, 6), ("late", 7, 9))


def _day(rng: Random) -> date:
    # More cooperation in later years: a triangular draw leaning towards the present.
    return date.fromordinal(int(rng.triangular(_FIRST, _LAST, _LAST)))


def event_span(rng: Random, kind: str) -> Span:
    """Mostly single days; some spans of days, months, years, decades; a few undated."""
    draw = rng.random()
    if draw < 0.03:
        return UNDATED
    day = _day(rng)
    if draw < 0.82:
        end = day
        if kind in _LONG and rng.random() < 0.7:
            end = min(day + timedelta(days=rng.randint(7, 400)), _LAST_DAY)
        elif kind in _SEVERAL_DAYS and rng.random() < 0.4:
            end = day + timedelta(days=rng.randint(1, 6))
        return (day.isoformat(), "day", end.isoformat(), "day", None, None)
    if draw < 0.90:
        last = calendar.monthrange(day.year, day.month)[1]
        start, end = day.replace(day=1), day.replace(day=last)
        return (
            start.isoformat(),
            "month",
            end.isoformat(),
            "month",
            None,
            "Only the month is given.",
        )
    if draw < 0.95:
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)
        return (start.isoformat(), "year", end.isoformat(), "year", None, "Only the year is given.")
    decade = day.year // 10 * 10
    word, first, last = _PARTS[rng.randrange(2 if decade >= 2020 else 3)]
    start, end = date(decade + first, 1, 1), date(min(decade + last, 2026), 12, 31)
    label = f"{word}{'' if word.endswith('-') else ' '}{decade}s"
    note = f"'{label}' is read as {start.year}–{end.year}."
    return (start.isoformat(), "approximate", end.isoformat(), "approximate", label, note)


def day_span(rng: Random) -> Span:
    day = _day(rng).isoformat()
    return (day, "day", day, "day", None, None)


def in_force(rng: Random) -> tuple[Span, bool]:
    """A programme's in-force span; open-ended ones have no end."""
    start = date.fromordinal(
        rng.randint(date(1994, 1, 1).toordinal(), date(2025, 12, 31).toordinal())
    )
    first, precision = (start, "day") if rng.random() < 0.6 else (date(start.year, 1, 1), "year")
    if rng.random() < 0.4:
        return (first.isoformat(), precision, None, None, None, None), True
    end = date(min(start.year + rng.randint(2, 8), 2026), 12, 31).isoformat()
    return (first.isoformat(), precision, end, "year", None, None), False
