"""The timeline: events and programme milestones in one date order."""

import json
from datetime import date
from heapq import merge
from itertools import groupby
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlmodel import Session, col

from app.core.dates import DateRange, DateSpan, Precision, format_partial, parse_partial
from app.core.orders import Order, SortKey, decode_cursor, encode_cursor
from app.events import service as events
from app.events.models import Event
from app.programmes import service as programmes
from app.programmes.models import Programme
from app.timeline.models import ItemType, TimelineItem, TimelineQuery, TimelineYear

# Items sort by (first day, type rank, slug): on one day a programme ends, then events
# happen, then a programme starts. The cursor holds the last item's triple.
_RANK = {ItemType.programme_end: 0, ItemType.event: 1, ItemType.programme_start: 2}
_CURSOR = Order((SortKey(None, is_date=True), SortKey(None), SortKey(None)), "timeline")
Key = tuple[date, int, str]


def _key(item: TimelineItem) -> Key:
    assert item.date.earliest is not None
    return (item.date.earliest, _RANK[item.type], item.slug)


def _events_after(
    session: Session, query: Select[Any], start: Key | None, limit: int
) -> list[TimelineItem]:
    query = query.where(Event.start_date.is_not(None))
    if start is not None:
        day, rank, slug = start
        event_rank = _RANK[ItemType.event]
        starts = col(Event.start_date)
        if event_rank > rank:
            query = query.where(starts >= day)
        elif event_rank < rank:
            query = query.where(starts > day)
        else:
            query = query.where(or_(starts > day, and_(starts == day, col(Event.slug) > slug)))
    # The stored documents already hold each event's title, kind and date.
    query = query.with_only_columns(Event.document)
    documents = session.execute(query.order_by(Event.start_date, Event.slug).limit(limit))
    return [
        TimelineItem(
            type=ItemType.event,
            slug=event["slug"],
            title=event["title"],
            kind=event["kind"],
            date=event["date"],
            url=f"/v1/events/{event['slug']}",
        )
        for event in map(json.loads, documents.scalars())
    ]


def _milestone(p: Programme, kind: ItemType, day: date, precision: str) -> TimelineItem:
    """A programme coming into force or ending, dated to one point at its precision (the
    month it came into force, say)."""
    verb = "comes into force" if kind is ItemType.programme_start else "ends"
    text = format_partial(day, precision)
    assert text is not None
    first, last, _ = parse_partial(text)
    exact = Precision(precision)
    point = DateSpan(
        start=text, end=text, start_precision=exact, end_precision=exact,
        earliest=first, latest=last, label=p.date_label, note=p.date_note,
    )  # fmt: skip
    return TimelineItem(
        type=kind, slug=p.slug, title=f"{p.name} {verb}", kind=p.kind, date=point,
        url=f"/v1/programmes/{p.slug}",
    )  # fmt: skip


def _milestones(session: Session, query: Select[Any], dates: DateRange) -> list[TimelineItem]:
    items = []
    for p in session.execute(query.where(Programme.start_date.is_not(None))).scalars():
        items.append(_milestone(p, ItemType.programme_start, p.start_date, p.start_precision))
        if p.end_date is not None and p.end_precision is not None:
            items.append(_milestone(p, ItemType.programme_end, p.end_date, p.end_precision))
    return sorted((i for i in items if _within(i.date, dates)), key=_key)


def _within(span: DateSpan, dates: DateRange) -> bool:
    assert span.earliest is not None and span.latest is not None
    if dates.end is not None and span.earliest > dates.end:
        return False
    return not (dates.start is not None and span.latest < dates.start)


def timeline(
    *, session: Session, query: TimelineQuery
) -> tuple[list[TimelineYear], str | None, int]:
    """A page of the timeline grouped by year (undated events have no place on it), the
    next page's cursor, and how many items the page holds. Programme milestones come
    unless an event-only filter is given."""
    q, source, limit = query.q, query.source, query.limit
    start: Key | None = None
    if query.cursor:
        day, rank, slug = decode_cursor(query.cursor, _CURSOR)
        start = (day, int(rank), str(slug))
    event_query = events.matching(
        session=session, filters=query, q=q, source=source, basis=query.basis, dated=True
    )
    found = _events_after(session, event_query, start, limit + 1)
    event_only = query.kind or query.person or query.organisation or query.place or query.country
    if query.milestones and not event_only:
        programme_query = programmes.matching(
            session=session,
            q=q,
            source=source,
            slugs=query.programme,
            areas=query.area,
            basis=query.basis,
        )
        milestones = [
            m
            for m in _milestones(session, programme_query, query.dates)
            if start is None or _key(m) > start
        ]
        found = list(merge(found, milestones, key=_key))
    page, more = found[:limit], len(found) > limit
    next_cursor = encode_cursor("timeline", list(_key(page[-1]))) if more and page else None
    years = [
        TimelineYear(year=year, items=list(items))
        for year, items in groupby(page, key=lambda i: _key(i)[0].year)
    ]
    return years, next_cursor, len(page)
