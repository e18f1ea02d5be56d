"""Every query about quotes."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.citations.service import add_context, citations_for
from app.core.facets import column_facet, fk_facet, link_facet, year_facet
from app.core.filters import (
    DateRange,
    apply_common,
    linked_to,
    overlaps,
    resolve_slugs,
    with_descendants,
)
from app.core.listing import Include, ListSpec, SortField
from app.core.related import linked_refs, refs_by_id
from app.core.shaping import embed
from app.core.spans import DateSpan
from app.events.models import Event
from app.organisations.models import Organisation
from app.people.models import Person
from app.quotes.models import Quote, QuoteArea, QuoteMode, QuotePublic
from app.sources.models import Source


@dataclass(frozen=True)
class QuoteFilters:
    speaker: list[str] = field(default_factory=list)
    organisation: list[str] = field(default_factory=list)
    area: list[str] = field(default_factory=list)
    event: list[str] = field(default_factory=list)
    mode: QuoteMode | None = None
    dates: DateRange = DateRange()
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: QuoteFilters) -> Select[Any]:
    """Quotes matching every given filter."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.speaker:
        query = query.where(
            Quote.speaker_id.in_(resolve_slugs(session, Person, filters.speaker, "speaker"))
        )
    if filters.organisation:
        ids = resolve_slugs(session, Organisation, filters.organisation, "organisation")
        query = query.where(Quote.speaker_organisation_id.in_(ids))
    if filters.event:
        query = query.where(
            Quote.event_id.in_(resolve_slugs(session, Event, filters.event, "event"))
        )
    if filters.area:
        areas = with_descendants(
            session, CooperationArea, resolve_slugs(session, CooperationArea, filters.area, "area")
        )
        query = linked_to(session, query, Quote, QuoteArea, "quote_id", "area_id", areas)
    if filters.mode:
        query = query.where(Quote.mode == str(filters.mode))
    if not filters.dates.is_open:
        query = query.where(overlaps(Quote.start_date, Quote.end_date, filters.dates))
    return apply_common(
        session, query, kind="quote", table=Quote, q=filters.q, source=filters.source
    )


def hydrate(session: Session, rows: list[Quote]) -> list[QuotePublic]:
    """Public quotes with speaker, event, source, areas and citations."""
    ids = [r.id for r in rows if r.id is not None]
    speakers = refs_by_id(session, Person, (r.speaker_id for r in rows))
    orgs = refs_by_id(session, Organisation, (r.speaker_organisation_id for r in rows))
    events = refs_by_id(session, Event, (r.event_id for r in rows), name="title")
    sources = refs_by_id(session, Source, (r.source_id for r in rows), name="title")
    areas = linked_refs(session, QuoteArea, "quote_id", "area_id", CooperationArea, ids)
    citations = citations_for(session, "quote", ids)
    return [
        QuotePublic(
            slug=r.slug,
            text=r.text,
            mode=QuoteMode(r.mode),
            speaker=speakers.get(r.speaker_id) if r.speaker_id else None,
            speaker_organisation=(
                orgs.get(r.speaker_organisation_id) if r.speaker_organisation_id else None
            ),
            speaker_role=r.speaker_role,
            date=DateSpan.of(r),
            event=events.get(r.event_id) if r.event_id else None,
            source=sources[r.source_id],
            text_start=r.text_start,
            text_end=r.text_end,
            areas=areas[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]


SPEC = ListSpec(
    kind="quote",
    plural="quotes",
    public_model=QuotePublic,
    table=Quote,
    sorts={
        "date": SortField(Quote.start_date, is_date=True, ascending=Quote.date_key),
        "position": SortField(Quote.text_start),
        "slug": SortField(Quote.slug),
    },
    default_sort="date,position",
    hydrate=hydrate,
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
        "speaker": embed("speaker", "app.people.service"),
        "speaker_organisation": embed("speaker_organisation", "app.organisations.service"),
        "event": embed("event", "app.events.service"),
        "areas": embed("areas", "app.areas.service"),
        "citations": Include(field="citations", apply=add_context),
    },
)
