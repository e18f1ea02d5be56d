"""Every query about people."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from app.citations.service import add_context, citations_for
from app.core.facets import column_facet
from app.core.filters import apply_common, resolve_slugs
from app.core.listing import Include, ListSpec, SortField
from app.core.related import refs_by_id
from app.organisations.models import Organisation
from app.people.models import Person, PersonPublic, PersonRole, RolePublic


@dataclass(frozen=True)
class PersonFilters:
    organisation: list[str] = field(default_factory=list)
    country: str | None = None
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: PersonFilters) -> Select[Any]:
    """People matching every given filter."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.organisation:
        ids = resolve_slugs(session, Organisation, filters.organisation, "organisation")
        holders = select(PersonRole.person_id).where(PersonRole.organisation_id.in_(ids))
        query = query.where(Person.id.in_(holders))
    if filters.country:
        query = query.where(func.lower(Person.country) == filters.country.lower())
    return apply_common(
        session, query, kind="person", table=Person, q=filters.q, source=filters.source
    )


def hydrate(session: Session, rows: list[Person]) -> list[PersonPublic]:
    """Public people with their stated roles and citations."""
    ids = [r.id for r in rows if r.id is not None]
    roles: dict[int, list[PersonRole]] = defaultdict(list)
    if ids:
        query = (
            select(PersonRole).where(PersonRole.person_id.in_(ids)).order_by(PersonRole.position)
        )
        for role in session.execute(query).scalars():
            roles[role.person_id].append(role)
    orgs = refs_by_id(
        session, Organisation, (r.organisation_id for rs in roles.values() for r in rs)
    )
    citations = citations_for(session, "person", ids)
    return [
        PersonPublic(
            slug=r.slug,
            name=r.name,
            country=r.country,
            roles=[
                RolePublic(
                    title=role.title,
                    organisation=orgs.get(role.organisation_id) if role.organisation_id else None,
                )
                for role in roles[r.id]
            ],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]


SPEC = ListSpec(
    kind="person",
    plural="people",
    public_model=PersonPublic,
    table=Person,
    sorts={"name": SortField(Person.name), "slug": SortField(Person.slug)},
    default_sort="name",
    hydrate=hydrate,
    facets={"country": column_facet(Person.country)},
    includes={"citations": Include(field="citations", apply=add_context)},
)
