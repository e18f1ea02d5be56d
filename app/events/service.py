"""Every query about events."""

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Select, func, literal_column, select, text
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.basis.service import bases_for, resting_on
from app.citations.service import IN_CONTEXT, citations_for, cited_and_found
from app.core.dates import OPEN_ENDED, DateRange, DateSpan
from app.core.models import BasisLevel, Format, Include, Ref, Resource
from app.core.orders import SortField
from app.events.models import (
    Event,
    EventArea,
    EventOrganisation,
    EventPerson,
    EventProgramme,
    EventPublic,
    EventQuery,
    Place,
)
from app.organisations.models import Organisation
from app.people.models import Person
from app.programmes.models import Programme
from app.query.documents import StoredExport, completed, one
from app.query.facets import column_facet, link_facet, year_facet
from app.query.lists import (
    Listed,
    linked_to,
    overlaps,
    read_documents,
    resolve_slugs,
    with_descendants,
)
from app.query.related import linked_refs
from app.query.shapes import Page, Shape
from app.quotes.models import Quote, quote_label

RESOURCE = Resource(
    kind="event",
    plural="events",
    table=Event,
    public_model=EventPublic,
    sorts={
        "date": SortField(Event.start_date, is_date=True, ascending=Event.date_key),
        "end": SortField(Event.end_date, is_date=True),
        "title": SortField(Event.title),
        "kind": SortField(Event.kind),
        "slug": SortField(Event.slug),
    },
    default_sort="date",
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
        "areas": Include("areas", CooperationArea),
        "programmes": Include("programmes", Programme),
        "people": Include("people", Person),
        "organisations": Include("organisations", Organisation),
        "quotes": Include("quotes", Quote),
        "citations": IN_CONTEXT,
    },
    formats=(Format.json, Format.csv, Format.ndjson, Format.ics),
)
# Every event: statements are immutable, so filters build on it without changing it.
_ALL = select(Event)


def list_events(session: Session, page: Page[EventQuery]) -> Listed:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    found = read_documents(
        session, query, Event, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_events(session: Session, page: Page[EventQuery]) -> StoredExport:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    return StoredExport(RESOURCE, query, page)


def get_event(session: Session, slug: str, shape: Shape) -> str | dict[str, Any] | None:
    """One event, as stored or reshaped; None when there is none."""
    return one(session, RESOURCE, slug, shape)


def matching(
    *,
    session: Session,
    filters: EventQuery,
    q: str | None,
    source: str | None,
    basis: BasisLevel | None = None,
    dated: bool = False,
) -> Select[Any]:
    """Events matching every given filter; repeated values of one filter are alternatives.
    `dated`: the list places them by their dates (the timeline), which `basis` checks."""
    query, checked, areas = _ALL, ["date"] if dated else list[str](), set[int]()
    if filters.kind:
        query = query.where(Event.kind.in_([str(k) for k in filters.kind]))
    if filters.area:
        ids = resolve_slugs(session, CooperationArea, filters.area, "area")
        areas = with_descendants(session, CooperationArea, ids)
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
        # Escaped: `%` and `_` are part of a place name, not wildcards.
        place = filters.place.lower()
        query = query.where(func.lower(Event.place_name).contains(place, autoescape=True))
        checked.append("place.name")
    if filters.country:
        query = query.where(func.lower(Event.place_country) == filters.country.lower())
        checked.append("place.country")
    dates = filters.dates
    if not dates.is_open:
        earliest = earliest_start(session, dates)
        query = query.where(
            overlaps(
                Event.start_date, Event.end_date, dates, order_key=Event.date_key, earliest=earliest
            )
        )
        checked.append("date")
    query = resting_on(query, Event, "event", basis, checked, areas)
    return cited_and_found(session, query, Event, "event", q, source)


def earliest_start(session: Session, dates: DateRange) -> date | None:
    """The earliest start an event overlapping `dates` can have (None: no bound).

    A closed span reaches at most the longest closed span back from the range's start;
    an open-ended event reaches every range after its own start, so the earliest of those
    starts bounds it too. Both come from an index: `span_days`'s, and the open-ended
    events' partial index. The price: one open-ended event that began long ago widens
    every range's walk of the date index back to its start (docs/performance.md).
    """
    if dates.start is None:
        return None
    # SQLite's planner prefers the index on `end_date`, whose NULLs are mostly undated
    # events it then reads one by one, so it is told which index to use.
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
    bases = bases_for(session, "event", ids)
    return [
        EventPublic(
            **r.model_dump(),
            date=DateSpan.of(r),
            place=Place(name=r.place_name, country=r.place_country),
            areas=areas[r.id],
            programmes=programmes[r.id],
            people=people[r.id],
            organisations=orgs[r.id],
            quotes=quotes.get(r.id, []),
            basis=bases[r.id],
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
