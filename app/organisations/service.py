"""Every query about organisations."""

from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from app.basis.service import bases_for, resting_on
from app.citations.service import IN_CONTEXT, citations_for, cited_and_found
from app.core.models import BasisLevel, Include, Resource
from app.core.orders import SortField
from app.organisations.models import (
    Organisation,
    OrganisationPublic,
    OrganisationQuery,
)
from app.query.documents import StoredExport, completed, one
from app.query.facets import column_facet, fk_facet
from app.query.lists import Listed, read_documents, resolve_slugs
from app.query.related import linked_refs, refs_by_id
from app.query.shapes import Page, Shape

RESOURCE = Resource(
    kind="organisation",
    plural="organisations",
    table=Organisation,
    public_model=OrganisationPublic,
    sorts={
        "name": SortField(Organisation.name),
        "kind": SortField(Organisation.kind),
        "slug": SortField(Organisation.slug),
    },
    default_sort="name",
    facets={
        "kind": column_facet(Organisation.kind),
        "country": column_facet(Organisation.country),
        "parent": fk_facet(Organisation.parent_id, Organisation),
    },
    includes={
        "parent": Include("parent", Organisation),
        "children": Include("children", Organisation),
        "citations": IN_CONTEXT,
    },
)
# Every organisation: statements are immutable, so filters build on it without changing it.
_ALL = select(Organisation)


def list_organisations(session: Session, page: Page[OrganisationQuery]) -> Listed:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    found = read_documents(
        session, query, Organisation, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_organisations(session: Session, page: Page[OrganisationQuery]) -> StoredExport:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    return StoredExport(RESOURCE, query, page)


def get_organisation(session: Session, slug: str, shape: Shape) -> str | dict[str, Any] | None:
    """One organisation, as stored or reshaped; None when there is none."""
    return one(session, RESOURCE, slug, shape)


def matching(
    *,
    session: Session,
    filters: OrganisationQuery,
    q: str | None,
    source: str | None,
    basis: BasisLevel | None = None,
) -> Select[Any]:
    """Organisations matching every given filter."""
    query = _ALL
    if filters.kind:
        query = query.where(Organisation.kind.in_([str(k) for k in filters.kind]))
    if filters.parent is not None:  # given empty, it names nothing: a 422
        (parent,) = resolve_slugs(session, Organisation, [filters.parent], "parent")
        query = query.where(Organisation.parent_id == parent)
    if filters.country:
        query = query.where(func.lower(Organisation.country) == filters.country.lower())
    checked = ["country"] if filters.country else []
    query = resting_on(query, Organisation, "organisation", basis, checked)
    return cited_and_found(session, query, Organisation, "organisation", q, source)


def hydrate(session: Session, rows: list[Organisation]) -> list[OrganisationPublic]:
    """Public organisations with parent, parts and citations."""
    ids = [r.id for r in rows if r.id is not None]
    parents = refs_by_id(session, Organisation, (r.parent_id for r in rows))
    children = linked_refs(session, Organisation, "parent_id", "id", Organisation, ids)
    citations = citations_for(session, "organisation", ids)
    bases = bases_for(session, "organisation", ids)
    return [
        OrganisationPublic(
            **r.model_dump(),
            parent=parents.get(r.parent_id),
            children=children[r.id],
            basis=bases[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
