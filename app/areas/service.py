"""Every query about cooperation areas."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.areas.models import AreaPublic, CooperationArea
from app.citations.service import citations_for, cited_by_source
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.core.related import refs_by_id, refs_pointing_at


@dataclass(frozen=True)
class AreaFilters:
    source: str | None = None


def list_areas(
    *, session: Session, filters: AreaFilters, page: Page, count: bool = False
) -> tuple[list[AreaPublic], PageResult]:
    """A page of areas in order of name."""
    query = select(CooperationArea)
    if filters.source:
        query = query.where(CooperationArea.id.in_(cited_by_source("area", filters.source)))  # type: ignore[union-attr]
    keys = [SortKey(CooperationArea.name), SortKey(CooperationArea.slug)]
    result = fetch_page(session, query, keys=keys, page=page, signature="name,slug", count=count)
    return hydrate(session, result.rows), result


def get_area(*, session: Session, slug: str) -> AreaPublic | None:
    """One area by slug, or None."""
    query = select(CooperationArea).where(CooperationArea.slug == slug)
    row = session.execute(query).scalar_one_or_none()
    return hydrate(session, [row])[0] if row else None


def hydrate(session: Session, rows: list[CooperationArea]) -> list[AreaPublic]:
    """Public areas with parent, children and citations."""
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
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
