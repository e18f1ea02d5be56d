"""Every query about programmes."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.basis.service import bases_for, resting_on
from app.citations.service import IN_CONTEXT, citations_for, cited_and_found
from app.core.dates import DateSpan, span_of
from app.core.models import BasisLevel, Include, Resource
from app.core.orders import SortField
from app.events.models import Event, EventProgramme
from app.organisations.models import Organisation
from app.programmes.models import (
    Programme,
    ProgrammeArea,
    ProgrammeOrganisation,
    ProgrammePublic,
    ProgrammeQuery,
)
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
from app.query.related import linked_refs, refs_by_id
from app.query.shapes import Page, Shape

RESOURCE = Resource(
    kind="programme",
    plural="programmes",
    table=Programme,
    public_model=ProgrammePublic,
    sorts={
        "date": SortField(Programme.start_date, is_date=True),
        "end": SortField(Programme.end_date, is_date=True),
        "name": SortField(Programme.name),
        "kind": SortField(Programme.kind),
        "slug": SortField(Programme.slug),
    },
    default_sort="date",
    facets={
        "kind": column_facet(Programme.kind),
        "year": year_facet(Programme.start_date),
        "area": link_facet(ProgrammeArea, "programme_id", "area_id", CooperationArea),
    },
    includes={
        "areas": Include("areas", CooperationArea),
        "events": Include("events", Event),
        "organisations": Include("organisations", Organisation),
        "predecessor": Include("predecessor", Programme),
        "successors": Include("successors", Programme),
        "citations": IN_CONTEXT,
    },
)
# Every programme: statements are immutable, so filters build on it without changing it.
_ALL = select(Programme)


def list_programmes(session: Session, page: Page[ProgrammeQuery]) -> Listed:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    found = read_documents(
        session, query, Programme, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_programmes(session: Session, page: Page[ProgrammeQuery]) -> StoredExport:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    return StoredExport(RESOURCE, query, page)


def get_programme(session: Session, slug: str, shape: Shape) -> str | dict[str, Any] | None:
    """One programme, as stored or reshaped; None when there is none."""
    return one(session, RESOURCE, slug, shape)


def matching(
    *,
    session: Session,
    filters: ProgrammeQuery | None = None,
    q: str | None,
    source: str | None,
    slugs: Sequence[str] = (),
    areas: Sequence[str] = (),
    basis: BasisLevel | None = None,
) -> Select[Any]:
    """Programmes matching every given filter: the list's `filters`, and the programme
    `slugs`, area slugs (`areas`) and `basis` that the timeline, which has no `filters`,
    asks for (its milestones are the in-force dates). Repeated values of one filter are
    alternatives."""
    # The timeline (no `filters`) shows programmes by their in-force dates: those it checks.
    query, checked = _ALL, ["in_force"] if filters is None else []
    if slugs:
        ids = resolve_slugs(session, Programme, list(slugs), "programme")
        query = query.where(Programme.id.in_(ids))
    query, in_areas = _in_areas(session, query, areas)
    if filters is not None:
        if filters.kind:
            query = query.where(Programme.kind.in_([str(k) for k in filters.kind]))
        query, in_areas = _in_areas(session, query, filters.area)
        if filters.in_force_on:
            # In force on a day (or in a month, a year): the in-force span overlaps it.
            days = span_of(filters.in_force_on)
            query = query.where(overlaps(Programme.start_date, Programme.end_date, days))
        dates = filters.dates
        if not dates.is_open:
            query = query.where(overlaps(Programme.start_date, Programme.end_date, dates))
        if filters.in_force_on or not dates.is_open:
            checked.append("in_force")
    query = resting_on(query, Programme, "programme", basis, checked, in_areas)
    return cited_and_found(session, query, Programme, "programme", q, source)


def _in_areas(
    session: Session, query: Select[Any], slugs: Sequence[str]
) -> tuple[Select[Any], set[int]]:
    """`query` limited to programmes in any of the areas or their sub-areas, and the ids
    of those areas."""
    if not slugs:
        return query, set()
    ids = resolve_slugs(session, CooperationArea, list(slugs), "area")
    areas = with_descendants(session, CooperationArea, ids)
    linked = linked_to(session, query, Programme, ProgrammeArea, "programme_id", "area_id", areas)
    return linked, areas


def hydrate(session: Session, rows: list[Programme]) -> list[ProgrammePublic]:
    """Public programmes with lineage, areas, events and citations."""
    ids = [r.id for r in rows if r.id is not None]
    areas = linked_refs(session, ProgrammeArea, "programme_id", "area_id", CooperationArea, ids)
    events = linked_refs(session, EventProgramme, "programme_id", "event_id", Event, ids, "title")
    orgs = linked_refs(
        session, ProgrammeOrganisation, "programme_id", "organisation_id", Organisation, ids
    )
    predecessors = refs_by_id(session, Programme, (r.predecessor_id for r in rows))
    successors = linked_refs(session, Programme, "predecessor_id", "id", Programme, ids)
    citations = citations_for(session, "programme", ids)
    bases = bases_for(session, "programme", ids)
    return [
        ProgrammePublic(
            **r.model_dump(),
            in_force=DateSpan.of(r),
            predecessor=predecessors.get(r.predecessor_id),
            successors=successors[r.id],
            areas=areas[r.id],
            events=events[r.id],
            organisations=orgs[r.id],
            basis=bases[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
