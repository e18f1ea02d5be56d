"""Every query about people."""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.citations.service import citations_for, cited_by_source
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.core.related import refs_by_id
from app.organisations.models import Organisation
from app.people.models import Person, PersonPublic, PersonRole, RolePublic


@dataclass(frozen=True)
class PersonFilters:
    source: str | None = None


def list_people(
    *, session: Session, filters: PersonFilters, page: Page, count: bool = False
) -> tuple[list[PersonPublic], PageResult]:
    """A page of people in order of name."""
    query = select(Person)
    if filters.source:
        query = query.where(Person.id.in_(cited_by_source("person", filters.source)))  # type: ignore[union-attr]
    keys = [SortKey(Person.name), SortKey(Person.slug)]
    result = fetch_page(session, query, keys=keys, page=page, signature="name,slug", count=count)
    return hydrate(session, result.rows), result


def get_person(*, session: Session, slug: str) -> PersonPublic | None:
    """One person by slug, or None."""
    row = session.execute(select(Person).where(Person.slug == slug)).scalar_one_or_none()
    return hydrate(session, [row])[0] if row else None


def hydrate(session: Session, rows: list[Person]) -> list[PersonPublic]:
    """Public people with their stated roles and citations."""
    ids = [r.id for r in rows if r.id is not None]
    roles: dict[int, list[PersonRole]] = defaultdict(list)
    if ids:
        query = (
            select(PersonRole).where(PersonRole.person_id.in_(ids)).order_by(PersonRole.position)
        )  # type: ignore[attr-defined,arg-type]
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
