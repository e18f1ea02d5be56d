"""Every query about people."""

from collections import defaultdict
from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from app.basis.service import bases_for, resting_on
from app.citations.service import IN_CONTEXT, citations_for, cited_and_found
from app.core.models import BasisLevel, Resource
from app.core.orders import SortField
from app.organisations.models import Organisation
from app.people.models import Person, PersonPublic, PersonQuery, PersonRole, RolePublic
from app.query.documents import StoredExport, completed, one
from app.query.facets import column_facet
from app.query.lists import Listed, read_documents, resolve_slugs
from app.query.related import refs_by_id
from app.query.shapes import Page, Shape

RESOURCE = Resource(
    kind="person",
    plural="people",
    table=Person,
    public_model=PersonPublic,
    sorts={"name": SortField(Person.name), "slug": SortField(Person.slug)},
    default_sort="name",
    facets={"country": column_facet(Person.country)},
    includes={"citations": IN_CONTEXT},
)
# Every person: statements are immutable, so filters build on it without changing it.
_ALL = select(Person)


def list_people(session: Session, page: Page[PersonQuery]) -> Listed:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    found = read_documents(
        session, query, Person, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_people(session: Session, page: Page[PersonQuery]) -> StoredExport:
    query = matching(
        session=session, filters=page.filters, q=page.q, source=page.source, basis=page.basis
    )
    return StoredExport(RESOURCE, query, page)


def get_person(session: Session, slug: str, shape: Shape) -> str | dict[str, Any] | None:
    """One person, as stored or reshaped; None when there is none."""
    return one(session, RESOURCE, slug, shape)


def matching(
    *,
    session: Session,
    filters: PersonQuery,
    q: str | None,
    source: str | None,
    basis: BasisLevel | None = None,
) -> Select[Any]:
    """People matching every given filter."""
    query = _ALL
    if filters.organisation:
        ids = resolve_slugs(session, Organisation, filters.organisation, "organisation")
        holders = select(PersonRole.person_id).where(PersonRole.organisation_id.in_(ids))
        query = query.where(Person.id.in_(holders))
    if filters.country:
        query = query.where(func.lower(Person.country) == filters.country.lower())
    checked = ["country"] if filters.country else []
    query = resting_on(query, Person, "person", basis, checked)
    return cited_and_found(session, query, Person, "person", q, source)


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
    bases = bases_for(session, "person", ids)
    return [
        PersonPublic(
            **r.model_dump(),
            roles=[
                RolePublic(
                    title=role.title,
                    organisation=orgs.get(role.organisation_id),
                )
                for role in roles[r.id]
            ],
            basis=bases[r.id],
            citations=citations[r.id],
        )
        for r in rows
        if r.id is not None
    ]
