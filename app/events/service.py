"""Every query about events."""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlmodel import Session, col

from app.areas.models import CooperationArea
from app.citations.service import add_context, citations_for
from app.core.facets import column_facet, link_facet, year_facet
from app.core.filters import (
    DateRange,
    apply_common,
    linked_to,
    overlaps,
    resolve_slugs,
    with_descendants,
)
from app.core.listing import Include, ListSpec, SortField
from app.core.related import linked_refs
from app.core.schemas import Ref
from app.core.shaping import embed
from app.core.spans import SPAN_CLASS_DAYS, DateSpan
from app.events.models import (
    Event,
    EventArea,
    EventKind,
    EventOrganisation,
    EventPerson,
    EventProgramme,
    EventPublic,
    Place,
)
from app.organisations.models import Organisation
from app.people.models import Person
from app.programmes.models import Programme
from app.quotes.models import Quote, quote_label


@dataclass(frozen=True)
class EventFilters:
    kind: list[EventKind] = field(default_factory=list)
    area: list[str] = field(default_factory=list)
    programme: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)
    organisation: list[str] = field(default_factory=list)
    place: str | None = None
    country: str | None = None
    dates: DateRange = DateRange()
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: EventFilters) -> Select[Any]:
    """Events matching every given filter; repeated values of one filter are alternatives."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.kind:
        query = query.where(Event.kind.in_([str(k) for k in filters.kind]))
    if filters.area:
        areas = with_descendants(
            session, CooperationArea, resolve_slugs(session, CooperationArea, filters.area, "area")
        )
        query = linked_to(session, query, Event, EventArea, "event_id", "area_id", areas)
    for values, table, link, column, name in (
        (filters.programme, Programme, EventProgramme, "programme_id", "programme"),
        (filters.person, Person, EventPerson, "person_id", "person"),
        (filters.organisation, Organisation, EventOrganisation, "organisation_id", "organisation"),
    ):
        if values:
            ids = resolve_slugs(session, table, values, name)
            query = linked_to(session, query, Event, link, "event_id", column, ids)
    if filters.place:
        query = query.where(func.lower(Event.place_name).contains(filters.place.lower()))
    if filters.country:
        query = query.where(func.lower(Event.place_country) == filters.country.lower())
    partitions = None
    if not filters.dates.is_open:
        longest = session.execute(select(func.max(Event.span_days))).scalar_one()
        query = query.where(
            overlaps(
                Event.start_date,
                Event.end_date,
                filters.dates,
                order_key=Event.date_key,
                longest=longest,
            )
        )
        partitions = _span_partitions(filters.dates, longest)
    query = apply_common(
        session, query, kind="event", table=Event, q=filters.q, source=filters.source
    )
    # Reading by span class is off: it loses open-ended events (a null end is span 0, so
    # class 0's 31-day look-back misses them), its merge orders slugs by Python's rules
    # where PostgreSQL may collate otherwise, and it was slower with `q=` (review of
    # 2026-11-29). Kept for the fix: an open-ended class, a merge in SQL.
    if partitions and SPAN_PARTITIONS:
        query = query.execution_options(partitions=partitions)
    return query


SPAN_PARTITIONS = False


def _span_partitions(dates: DateRange, longest: int | None) -> list[Any] | None:
    """The same matches split by span class, each looking back from the range's start
    only as far as its own class's longest span (migration 0006): a query bounded by the
    longest span of all walks the date index from four years before a range at 1M."""
    start = dates.start
    if start is None or not longest:
        return None
    reach = [min(days, longest) for days in SPAN_CLASS_DAYS] + [longest]
    return [
        and_(col(Event.span_class) == number, col(Event.date_key) >= start - timedelta(days))
        if start.toordinal() > days
        else col(Event.span_class) == number
        for number, days in enumerate(reach)
    ]


def hydrate(session: Session, rows: list[Event]) -> list[EventPublic]:
    """Public events with their related records, in one query per relation."""
    ids = [r.id for r in rows if r.id is not None]
    areas = linked_refs(session, EventArea, "event_id", "area_id", CooperationArea, ids)
    programmes = linked_refs(session, EventProgramme, "event_id", "programme_id", Programme, ids)
    people = linked_refs(session, EventPerson, "event_id", "person_id", Person, ids)
    orgs = linked_refs(session, EventOrganisation, "event_id", "organisation_id", Organisation, ids)
    quotes = _quotes_at(session, ids)
    citations = citations_for(session, "event", ids)
    return [
        EventPublic(
            slug=r.slug,
            title=r.title,
            summary=r.summary,
            kind=EventKind(r.kind),
            date=DateSpan.of(r),
            place=Place(name=r.place_name, country=r.place_country),
            areas=areas[r.id],
            programmes=programmes[r.id],
            people=people[r.id],
            organisations=orgs[r.id],
            quotes=quotes.get(r.id, []),
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]


def _quotes_at(session: Session, ids: list[int]) -> dict[int, list[Ref]]:
    out: dict[int, list[Ref]] = {}
    if not ids:
        return out
    query = (
        select(Quote.event_id, Quote.slug, Quote.text)
        .where(Quote.event_id.in_(ids))
        .order_by(Quote.source_id, Quote.text_start)
    )
    for event_id, slug, text in session.execute(query):
        out.setdefault(event_id, []).append(Ref(slug=slug, name=quote_label(text)))
    return out


SPEC = ListSpec(
    kind="event",
    plural="events",
    public_model=EventPublic,
    table=Event,
    sorts={
        "date": SortField(Event.start_date, is_date=True, ascending=Event.date_key),
        "end": SortField(Event.end_date, is_date=True),
        "title": SortField(Event.title),
        "kind": SortField(Event.kind),
        "slug": SortField(Event.slug),
    },
    default_sort="date",
    hydrate=hydrate,
    facets={
        "kind": column_facet(Event.kind),
        "year": year_facet(Event.start_date),
        "country": column_facet(Event.place_country),
        "area": link_facet(EventArea, "event_id", "area_id", CooperationArea),
        "programme": link_facet(EventProgramme, "event_id", "programme_id", Programme),
        "person": link_facet(EventPerson, "event_id", "person_id", Person),
        "organisation": link_facet(EventOrganisation, "event_id", "organisation_id", Organisation),
    },
    includes={
        "areas": embed("areas", "app.areas.service"),
        "programmes": embed("programmes", "app.programmes.service"),
        "people": embed("people", "app.people.service"),
        "organisations": embed("organisations", "app.organisations.service"),
        "quotes": embed("quotes", "app.quotes.service"),
        "citations": Include(field="citations", apply=add_context),
    },
)
