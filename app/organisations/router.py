"""HTTP routes for organisations."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam, SourceParam
from app.core.responses import envelope
from app.core.schemas import Envelope
from app.organisations import service
from app.organisations.models import OrganisationPublic

router = APIRouter(prefix="/v1/organisations", tags=["organisations"])


@router.get(
    "",
    response_model=Envelope[OrganisationPublic],
    operation_id="listOrganisations",
    summary="List organisations",
    responses=problem_responses(422),
)
def list_organisations(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: SourceParam = None,
    count: CountParam = False,
) -> dict[str, object]:
    """Named bodies: NATO and its parts, governments, ministries, forces and media."""
    filters = service.OrganisationFilters(source=source)
    data, result = service.list_organisations(
        session=session, filters=filters, page=page, count=count
    )
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=OrganisationPublic,
    operation_id="getOrganisation",
    summary="Get one organisation",
    responses=problem_responses(404),
)
def get_organisation(
    session: SessionDep, slug: Annotated[str, Path(description="Organisation slug.")]
) -> OrganisationPublic:
    """One organisation by slug, with parent, parts and citations."""
    found = service.get_organisation(session=session, slug=slug)
    if found is None:
        raise NotFound(f"There is no organisation with slug {slug!r}.")
    return found
