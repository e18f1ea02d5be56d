"""Every query about programmes."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.citations.service import citations_for, cited_by_source
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.core.related import linked_refs, refs_by_id, refs_pointing_at
from app.core.spans import DateSpan
from app.events.models import Event, EventProgramme
from app.organisations.models import Organisation
from app.programmes.models import Programme, ProgrammeArea, ProgrammeOrganisation, ProgrammePublic

FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True)
class ProgrammeFilters:
    source: str | None = None


def list_programmes(
    *, session: Session, filters: ProgrammeFilters, page: Page, count: bool = False
) -> tuple[list[ProgrammePublic], PageResult]:
    """A page of programmes in order of entry into force."""
    query = select(Programme)
    if filters.source:
        query = query.where(Programme.id.in_(cited_by_source("programme", filters.source)))  # type: ignore[union-attr]
    keys = [
        SortKey(func.coalesce(Programme.start_date, FAR_FUTURE), is_date=True),
        SortKey(Programme.slug),
    ]
    result = fetch_page(session, query, keys=keys, page=page, signature="date,slug", count=count)
    return hydrate(session, result.rows), result


def get_programme(*, session: Session, slug: str) -> ProgrammePublic | None:
    """One programme by slug, or None."""
    row = session.execute(select(Programme).where(Programme.slug == slug)).scalar_one_or_none()
    return hydrate(session, [row])[0] if row else None


def hydrate(session: Session, rows: list[Programme]) -> list[ProgrammePublic]:
    """Public programmes with lineage, areas, events and citations."""
    ids = [r.id for r in rows if r.id is not None]
    areas = linked_refs(session, ProgrammeArea, "programme_id", "area_id", CooperationArea, ids)
    events = linked_refs(session, EventProgramme, "programme_id", "event_id", Event, ids, "title")
    orgs = linked_refs(
        session, ProgrammeOrganisation, "programme_id", "organisation_id", Organisation, ids
    )
    predecessors = refs_by_id(session, Programme, (r.predecessor_id for r in rows))
    successors = refs_pointing_at(session, Programme, "predecessor_id", ids)
    citations = citations_for(session, "programme", ids)
    return [
        ProgrammePublic(
            slug=r.slug,
            name=r.name,
            acronym=r.acronym,
            kind=r.kind,
            description=r.description,
            in_force=DateSpan.of(r),
            priority_areas=r.priority_areas,
            predecessor=predecessors.get(r.predecessor_id) if r.predecessor_id else None,
            successors=successors[r.id],
            areas=areas[r.id],
            events=events[r.id],
            organisations=orgs[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
