"""Every query about cooperation areas."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from app.areas.models import AreaCounts, AreaPublic, CooperationArea
from app.citations.service import add_context, citations_for
from app.core.facets import fk_facet
from app.core.filters import apply_common, resolve_slugs, with_descendants
from app.core.listing import Include, ListSpec, SortField
from app.core.related import refs_by_id, refs_pointing_at
from app.core.shaping import embed
from app.events.models import EventArea
from app.programmes.models import ProgrammeArea
from app.quotes.models import QuoteArea


@dataclass(frozen=True)
class AreaFilters:
    parent: str | None = None
    top_level: bool = False
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: AreaFilters) -> Select[Any]:
    """Areas matching every given filter."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.parent:
        (parent,) = resolve_slugs(session, CooperationArea, [filters.parent], "parent")
        query = query.where(CooperationArea.parent_id == parent)
    if filters.top_level:
        query = query.where(CooperationArea.parent_id.is_(None))
    return apply_common(
        session, query, kind="area", table=CooperationArea, q=filters.q, source=filters.source
    )


def _counts(session: Session, area_id: int) -> AreaCounts:
    # The same rule as the `area=` filters: an area counts the records of its sub-areas.
    ids = with_descendants(session, CooperationArea, [area_id])
    totals = []
    for link, column in (
        (EventArea, "event_id"),
        (ProgrammeArea, "programme_id"),
        (QuoteArea, "quote_id"),
    ):
        query = select(func.count(func.distinct(getattr(link, column)))).where(
            link.area_id.in_(ids)
        )
        totals.append(session.execute(query).scalar_one())
    return AreaCounts(events=totals[0], programmes=totals[1], quotes=totals[2])


def hydrate(session: Session, rows: list[CooperationArea]) -> list[AreaPublic]:
    """Public areas with parent, sub-areas, record counts and citations."""
    ids = [r.id for r in rows if r.id is not None]
    parents = refs_by_id(session, CooperationArea, (r.parent_id for r in rows))
    children = refs_pointing_at(session, CooperationArea, "parent_id", ids)
    citations = citations_for(session, "area", ids)
    return [
        AreaPublic(
            slug=r.slug,
            name=r.name,
            aliases=r.aliases,
            description=r.description,
            parent=parents.get(r.parent_id) if r.parent_id else None,
            children=children[r.id],
            counts=_counts(session, r.id),
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]


SPEC = ListSpec(
    kind="area",
    plural="areas",
    public_model=AreaPublic,
    table=CooperationArea,
    sorts={"name": SortField(CooperationArea.name), "slug": SortField(CooperationArea.slug)},
    default_sort="name",
    hydrate=hydrate,
    facets={"parent": fk_facet(CooperationArea.parent_id, CooperationArea)},
    includes={
        "parent": embed("parent", "app.areas.service"),
        "children": embed("children", "app.areas.service"),
        "citations": Include(field="citations", apply=add_context),
    },
)
