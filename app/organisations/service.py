"""Every query about organisations."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func
from sqlmodel import Session

from app.citations.service import add_context, citations_for
from app.core.facets import column_facet, fk_facet
from app.core.filters import apply_common, resolve_slugs
from app.core.listing import Include, ListSpec, SortField
from app.core.related import refs_by_id, refs_pointing_at
from app.core.shaping import embed
from app.organisations.models import Organisation, OrganisationKind, OrganisationPublic


@dataclass(frozen=True)
class OrganisationFilters:
    kind: list[OrganisationKind] = field(default_factory=list)
    parent: str | None = None
    country: str | None = None
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: OrganisationFilters) -> Select[Any]:
    """Organisations matching every given filter."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.kind:
        query = query.where(Organisation.kind.in_([str(k) for k in filters.kind]))
    if filters.parent:
        (parent,) = resolve_slugs(session, Organisation, [filters.parent], "parent")
        query = query.where(Organisation.parent_id == parent)
    if filters.country:
        query = query.where(func.lower(Organisation.country) == filters.country.lower())
    return apply_common(
        session, query, kind="organisation", table=Organisation, q=filters.q, source=filters.source
    )


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
            kind=OrganisationKind(r.kind),
            country=r.country,
            parent=parents.get(r.parent_id) if r.parent_id else None,
            children=children[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]


SPEC = ListSpec(
    kind="organisation",
    plural="organisations",
    public_model=OrganisationPublic,
    table=Organisation,
    sorts={
        "name": SortField(Organisation.name),
        "kind": SortField(Organisation.kind),
        "slug": SortField(Organisation.slug),
    },
    default_sort="name",
    hydrate=hydrate,
    facets={
        "kind": column_facet(Organisation.kind),
        "country": column_facet(Organisation.country),
        "parent": fk_facet(Organisation.parent_id, Organisation),
    },
    includes={
        "parent": embed("parent", "app.organisations.service"),
        "children": embed("children", "app.organisations.service"),
        "citations": Include(field="citations", apply=add_context),
    },
)
