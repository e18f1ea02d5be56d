"""Every query about programmes."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select
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
from app.core.related import linked_refs, refs_by_id, refs_pointing_at
from app.core.shaping import embed
from app.core.spans import DateSpan
from app.events.models import Event, EventProgramme
from app.organisations.models import Organisation
from app.programmes.models import (
    Programme,
    ProgrammeArea,
    ProgrammeKind,
    ProgrammeOrganisation,
    ProgrammePublic,
)


@dataclass(frozen=True)
class ProgrammeFilters:
    slug: list[str] = field(default_factory=list)
    kind: list[ProgrammeKind] = field(default_factory=list)
    area: list[str] = field(default_factory=list)
    in_force_on: date | None = None
    dates: DateRange = DateRange()
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: ProgrammeFilters) -> Select[Any]:
    """Programmes matching every given filter."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.slug:
        query = query.where(
            Programme.id.in_(resolve_slugs(session, Programme, filters.slug, "programme"))
        )
    if filters.kind:
        query = query.where(Programme.kind.in_([str(k) for k in filters.kind]))
    if filters.area:
        areas = with_descendants(
            session, CooperationArea, resolve_slugs(session, CooperationArea, filters.area, "area")
        )
        query = linked_to(
            session, query, Programme, ProgrammeArea, "programme_id", "area_id", areas
        )
    if filters.in_force_on:
        # In force on a day: the in-force span overlaps that single day.
        day = DateRange(filters.in_force_on, filters.in_force_on)
        query = query.where(overlaps(Programme.start_date, Programme.end_date, day))
    if not filters.dates.is_open:
        query = query.where(overlaps(Programme.start_date, Programme.end_date, filters.dates))
    return apply_common(
        session, query, kind="programme", table=Programme, q=filters.q, source=filters.source
    )


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
            kind=ProgrammeKind(r.kind),
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


SPEC = ListSpec(
    kind="programme",
    plural="programmes",
    public_model=ProgrammePublic,
    table=Programme,
    sorts={
        "date": SortField(Programme.start_date, is_date=True),
        "end": SortField(Programme.end_date, is_date=True),
        "name": SortField(Programme.name),
        "kind": SortField(Programme.kind),
        "slug": SortField(Programme.slug),
    },
    default_sort="date",
    hydrate=hydrate,
    facets={
        "kind": column_facet(Programme.kind),
        "year": year_facet(Programme.start_date),
        "area": link_facet(ProgrammeArea, "programme_id", "area_id", CooperationArea),
    },
    includes={
        "areas": embed("areas", "app.areas.service"),
        "events": embed("events", "app.events.service"),
        "organisations": embed("organisations", "app.organisations.service"),
        "predecessor": embed("predecessor", "app.programmes.service"),
        "successors": embed("successors", "app.programmes.service"),
        "citations": Include(field="citations", apply=add_context),
    },
)
