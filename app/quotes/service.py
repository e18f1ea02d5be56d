"""Every query about quotes."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.citations.service import citations_for, cited_by_source
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.core.related import linked_refs, refs_by_id
from app.core.spans import DateSpan
from app.events.models import Event
from app.organisations.models import Organisation
from app.people.models import Person
from app.quotes.models import Quote, QuoteArea, QuotePublic
from app.sources.models import Source

FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True)
class QuoteFilters:
    source: str | None = None


def list_quotes(
    *, session: Session, filters: QuoteFilters, page: Page, count: bool = False
) -> tuple[list[QuotePublic], PageResult]:
    """A page of quotes in the order they were said (then as they appear in the source)."""
    query = select(Quote)
    if filters.source:
        query = query.where(Quote.id.in_(cited_by_source("quote", filters.source)))  # type: ignore[union-attr]
    keys = [
        SortKey(func.coalesce(Quote.start_date, FAR_FUTURE), is_date=True),
        SortKey(Quote.slug),
    ]
    result = fetch_page(session, query, keys=keys, page=page, signature="date,slug", count=count)
    return hydrate(session, result.rows), result


def get_quote(*, session: Session, slug: str) -> QuotePublic | None:
    """One quote by slug, or None."""
    row = session.execute(select(Quote).where(Quote.slug == slug)).scalar_one_or_none()
    return hydrate(session, [row])[0] if row else None


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
            mode=r.mode,
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
