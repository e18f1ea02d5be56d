"""Every query about cooperation areas."""

from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from app.areas.models import AreaCounts, AreaPublic, AreaQuery, CooperationArea
from app.basis.service import resting_on
from app.citations.service import IN_CONTEXT, citations_for, cited_and_found
from app.core.models import BasisLevel, Include, Resource
from app.core.orders import SortField
from app.events.models import EventArea
from app.programmes.models import ProgrammeArea
from app.query.documents import StoredExport, completed, one
from app.query.facets import fk_facet
from app.query.lists import Listed, read_documents, resolve_slugs, with_descendants
from app.query.related import linked_refs, refs_by_id
from app.query.shapes import Page, Shape
from app.quotes.models import QuoteArea

RESOURCE = Resource(
    kind="area",
    plural="areas",
    table=CooperationArea,
    public_model=AreaPublic,
    sorts={"name": SortField(CooperationArea.name), "slug": SortField(CooperationArea.slug)},
    default_sort="name",
    facets={"parent": fk_facet(CooperationArea.parent_id, CooperationArea)},
    includes={
        "parent": Include("parent", CooperationArea),
        "children": Include("children", CooperationArea),
        "citations": IN_CONTEXT,
    },
)
# Every area: statements are immutable, so filters build on it without changing it.
_ALL = select(CooperationArea)


def list_areas(session: Session, page: Page[AreaQuery]) -> Listed:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    found = read_documents(
        session, query, CooperationArea, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_areas(session: Session, page: Page[AreaQuery]) -> StoredExport:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    return StoredExport(RESOURCE, query, page)


def get_area(session: Session, slug: str, shape: Shape) -> str | dict[str, Any] | None:
    """One area, as stored or reshaped; None when there is none."""
    return one(session, RESOURCE, slug, shape)


def matching(
    *,
    session: Session,
    filters: AreaQuery,
    q: str | None,
    source: str | None,
    basis: BasisLevel | None = None,
) -> Select[Any]:
    """Areas matching every given filter."""
    query = _ALL
    if filters.parent is not None:  # given empty, it names no area: a 422
        (parent,) = resolve_slugs(session, CooperationArea, [filters.parent], "parent")
        query = query.where(CooperationArea.parent_id == parent)
    if filters.top_level:
        query = query.where(CooperationArea.parent_id.is_(None))
    # An area's fields carry no basis (its name and aliases are checked against the
    # texts themselves): every area rests on its citations.
    query = resting_on(query, CooperationArea, "area", basis, [])
    return cited_and_found(session, query, CooperationArea, "area", q, source)


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
    children = linked_refs(session, CooperationArea, "parent_id", "id", CooperationArea, ids)
    citations = citations_for(session, "area", ids)
    return [
        AreaPublic(
            **r.model_dump(),
            parent=parents.get(r.parent_id),
            children=children[r.id],
            counts=_counts(session, r.id),
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
