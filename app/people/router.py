"""HTTP routes for people."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam, SourceParam
from app.core.responses import envelope
from app.core.schemas import Envelope
from app.people import service
from app.people.models import PersonPublic

router = APIRouter(prefix="/v1/people", tags=["people"])


@router.get(
    "",
    response_model=Envelope[PersonPublic],
    operation_id="listPeople",
    summary="List people",
    responses=problem_responses(422),
)
def list_people(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: SourceParam = None,
    count: CountParam = False,
) -> dict[str, object]:
    """Named people with the roles the sources give them."""
    filters = service.PersonFilters(source=source)
    data, result = service.list_people(session=session, filters=filters, page=page, count=count)
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=PersonPublic,
    operation_id="getPerson",
    summary="Get one person",
    responses=problem_responses(404),
)
def get_person(
    session: SessionDep, slug: Annotated[str, Path(description="Person slug.")]
) -> PersonPublic:
    """One person by slug, with roles and citations."""
    found = service.get_person(session=session, slug=slug)
    if found is None:
        raise NotFound(f"There is no person with slug {slug!r}.")
    return found
