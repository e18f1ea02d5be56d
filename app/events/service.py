"""Every query about events."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Select, func, literal_column, select, text
from sqlmodel import Session

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
from app.core.spans import OPEN_ENDED, DateSpan
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
    if not filters.dates.is_open:
        query = query.where(
            overlaps(
                Event.start_date,
                Event.end_date,
                filters.dates,
                order_key=Event.date_key,
                earliest=earliest_start(session, filters.dates),
            )
        )
    return apply_common(
        session, query, kind="event", table=Event, q=filters.q, source=filters.source
    )


def earliest_start(session: Session, dates: DateRange) -> date | None:
    """The earliest start an event overlapping `dates` can have (None: no bound).

    A closed span reaches at most the longest closed span back from the range's start;
    an open-ended event reaches every range after its own start, so the earliest of those
    starts bounds it too. Both come from an index: `span_days`'s, and the open-ended
    events' partial index (migration 0007). The price: one open-ended event that began
    long ago widens every range's walk of the date index back to its start; neither
    the curated nor the synthetic data has one yet (docs/performance.md).
    """
    if dates.start is None:
        return None
    # SQLite's planner prefers the index on `end_date`, whose NULLs are mostly undated
    # events it then reads one by one (9.6 ms at 1M against 3 us), so it is told. (A
    # database without the index fails here; `/readyz` holds traffic until the schema
    # is at head, migration 0007 included.)
    source: Any = Event.__table__
    if session.get_bind().dialect.name == "sqlite":
        source = text("event INDEXED BY ix_event_open_ended")
    longest, first_open = session.execute(
        select(
            select(func.max(Event.span_days)).scalar_subquery(),
            select(func.min(literal_column("start_date", Date)))
            .select_from(source)
            .where(text(OPEN_ENDED))
            .scalar_subquery(),
        )
    ).one()
    if longest is None or dates.start.toordinal() <= longest:
        return None
    earliest = dates.start - timedelta(days=longest)
    return earliest if first_open is None else min(earliest, first_open)


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
    for event_id, slug, words in session.execute(query):
        out.setdefault(event_id, []).append(Ref(slug=slug, name=quote_label(words)))
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
