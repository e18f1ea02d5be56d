"""Every query about quotes."""

from typing import Any

from sqlalchemy import Select, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.basis.service import bases_for, resting_on
from app.citations.service import IN_CONTEXT, citations_for, cited_and_found
from app.core.dates import DateSpan
from app.core.models import BasisLevel, Include, Resource
from app.core.orders import SortField
from app.events.models import Event
from app.organisations.models import Organisation
from app.people.models import Person
from app.query.documents import StoredExport, completed, one
from app.query.facets import column_facet, fk_facet, link_facet, year_facet
from app.query.lists import (
    Listed,
    linked_to,
    overlaps,
    read_documents,
    resolve_slugs,
    with_descendants,
)
from app.query.related import linked_refs, refs_by_id
from app.query.shapes import Page, Shape
from app.quotes.models import Quote, QuoteArea, QuotePublic, QuoteQuery
from app.sources.models import Source

RESOURCE = Resource(
    kind="quote",
    plural="quotes",
    table=Quote,
    public_model=QuotePublic,
    sorts={
        "date": SortField(Quote.start_date, is_date=True, ascending=Quote.date_key),
        "position": SortField(Quote.text_start),
        "slug": SortField(Quote.slug),
    },
    default_sort="date,position",
    facets={
        "year": year_facet(Quote.start_date),
        "mode": column_facet(Quote.mode),
        "speaker": fk_facet(Quote.speaker_id, Person),
        "organisation": fk_facet(Quote.speaker_organisation_id, Organisation),
        "event": fk_facet(Quote.event_id, Event),
        "source": fk_facet(Quote.source_id, Source),
        "area": link_facet(QuoteArea, "quote_id", "area_id", CooperationArea),
    },
    includes={
        "speaker": Include("speaker", Person),
        "speaker_organisation": Include("speaker_organisation", Organisation),
        "event": Include("event", Event),
        "areas": Include("areas", CooperationArea),
        "citations": IN_CONTEXT,
    },
)
# Every quote: statements are immutable, so filters build on it without changing it.
_ALL = select(Quote)


def list_quotes(session: Session, page: Page[QuoteQuery]) -> Listed:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    found = read_documents(
        session, query, Quote, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_quotes(session: Session, page: Page[QuoteQuery]) -> StoredExport:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    return StoredExport(RESOURCE, query, page)


def get_quote(session: Session, slug: str, shape: Shape) -> str | dict[str, Any] | None:
    """One quote, as stored or reshaped; None when there is none."""
    return one(session, RESOURCE, slug, shape)


# The values a filter of the list names, whose basis `basis=` checks.
_FIELDS = {"speaker": ("speaker",), "organisation": ("speaker_organisation",)}


def matching(
    *,
    session: Session,
    filters: QuoteQuery,
    q: str | None,
    source: str | None,
    basis: BasisLevel | None = None,
) -> Select[Any]:
    """Quotes matching every given filter."""
    query, checked, areas = _ALL, list[str](), set[int]()
    for values, table, column, name in (
        (filters.speaker, Person, Quote.speaker_id, "speaker"),
        (filters.organisation, Organisation, Quote.speaker_organisation_id, "organisation"),
        (filters.event, Event, Quote.event_id, "event"),
    ):
        if values:
            query = query.where(column.in_(resolve_slugs(session, table, values, name)))
            checked.extend(_FIELDS.get(name, ()))
    if filters.area:
        ids = resolve_slugs(session, CooperationArea, filters.area, "area")
        areas = with_descendants(session, CooperationArea, ids)
        query = linked_to(session, query, Quote, QuoteArea, "quote_id", "area_id", areas)
    if filters.mode:
        query = query.where(Quote.mode == str(filters.mode))
    dates = filters.dates
    if not dates.is_open:
        query = query.where(overlaps(Quote.start_date, Quote.end_date, dates))
        checked.append("date")
    query = resting_on(query, Quote, "quote", basis, checked, areas)
    return cited_and_found(session, query, Quote, "quote", q, source)


def hydrate(session: Session, rows: list[Quote]) -> list[QuotePublic]:
    """Public quotes with speaker, event, source, areas and citations."""
    ids = [r.id for r in rows if r.id is not None]
    speakers = refs_by_id(session, Person, (r.speaker_id for r in rows))
    orgs = refs_by_id(session, Organisation, (r.speaker_organisation_id for r in rows))
    events = refs_by_id(session, Event, (r.event_id for r in rows), name="title")
    sources = refs_by_id(session, Source, (r.source_id for r in rows), name="title")
    areas = linked_refs(session, QuoteArea, "quote_id", "area_id", CooperationArea, ids)
    citations = citations_for(session, "quote", ids)
    bases = bases_for(session, "quote", ids)
    return [
        QuotePublic(
            **r.model_dump(),
            speaker=speakers.get(r.speaker_id),
            speaker_organisation=orgs.get(r.speaker_organisation_id),
            date=DateSpan.of(r),
            event=events.get(r.event_id),
            source=sources[r.source_id],
            areas=areas[r.id],
            basis=bases[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
