"""Every query about organisations."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.citations.service import citations_for, cited_by_source
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.core.related import refs_by_id, refs_pointing_at
from app.organisations.models import Organisation, OrganisationPublic


@dataclass(frozen=True)
class OrganisationFilters:
    source: str | None = None


def list_organisations(
    *, session: Session, filters: OrganisationFilters, page: Page, count: bool = False
) -> tuple[list[OrganisationPublic], PageResult]:
    """A page of organisations in order of name."""
    query = select(Organisation)
    if filters.source:
        query = query.where(Organisation.id.in_(cited_by_source("organisation", filters.source)))  # type: ignore[union-attr]
    keys = [SortKey(Organisation.name), SortKey(Organisation.slug)]
    result = fetch_page(session, query, keys=keys, page=page, signature="name,slug", count=count)
    return hydrate(session, result.rows), result


def get_organisation(*, session: Session, slug: str) -> OrganisationPublic | None:
    """One organisation by slug, or None."""
    query = select(Organisation).where(Organisation.slug == slug)
    row = session.execute(query).scalar_one_or_none()
    return hydrate(session, [row])[0] if row else None


def hydrate(session: Session, rows: list[Organisation]) -> list[OrganisationPublic]:
    """Public organisations with parent, parts and citations."""
    ids = [r.id for r in rows if r.id is not None]
    parents = refs_by_id(session, Organisation, (r.parent_id for r in rows))
    children = refs_pointing_at(session, Organisation, "parent_id", ids)
    citations = citations_for(session, "organisation", ids)
    return [
        OrganisationPublic(
            slug=r.slug,
            name=r.name,
            acronym=r.acronym,
            kind=r.kind,
            country=r.country,
            parent=parents.get(r.parent_id) if r.parent_id else None,
            children=children[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
