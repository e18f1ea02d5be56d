"""Every query about events."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.citations.service import citations_for, cited_by_source
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.core.related import linked_refs
from app.core.schemas import Ref
from app.core.spans import DateSpan
from app.events.models import (
    Event,
    EventArea,
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

FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True)
class EventFilters:
    source: str | None = None


def list_events(
    *, session: Session, filters: EventFilters, page: Page, count: bool = False
) -> tuple[list[EventPublic], PageResult]:
    """A page of events in date order (undated events last), filtered."""
    query = select(Event)
    if filters.source:
        query = query.where(Event.id.in_(cited_by_source("event", filters.source)))  # type: ignore[union-attr]
    keys = [SortKey(func.coalesce(Event.start_date, FAR_FUTURE), is_date=True), SortKey(Event.slug)]
    result = fetch_page(session, query, keys=keys, page=page, signature="date,slug", count=count)
    return hydrate(session, result.rows), result


def get_event(*, session: Session, slug: str) -> EventPublic | None:
    """One event by slug, or None."""
    row = session.execute(select(Event).where(Event.slug == slug)).scalar_one_or_none()
    return hydrate(session, [row])[0] if row else None


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
            kind=r.kind,
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
        .order_by(Quote.text_start)
    )  # type: ignore[union-attr]
    for event_id, slug, text in session.execute(query):
        out.setdefault(event_id, []).append(Ref(slug=slug, name=quote_label(text)))
    return out
