"""HTTP routes for people."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from app.core.params import DetailParams, ListParams, detail_params, list_params
from app.core.responses import detail_answer, list_answer
from app.core.routes import QueryRoute
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope
from app.people import service
from app.people.models import PersonPublic

router = APIRouter(prefix="/v1/people", tags=["people"], route_class=QueryRoute)


class PersonQuery(BaseModel):
    """The people list's own filters."""

    organisation: list[str] = Field(
        [], description="People holding a role in this organisation (slug). Repeatable."
    )
    country: str | None = Field(None, description="Country, any case.")


ListParamsDep = Annotated[ListParams[PersonQuery], Depends(list_params(service.SPEC, PersonQuery))]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


@router.get(
    "",
    response_model=Envelope[PersonPublic],
    operation_id="listPeople",
    summary="List people",
    responses=list_responses("A page of people (JSON), or every match as CSV or NDJSON."),
)
async def list_people(request: Request, params: ListParamsDep) -> Response:
    """Named people with the roles the sources give them."""
    filters = service.PersonFilters(
        organisation=params.filters.organisation,
        country=params.filters.country,
        q=params.q,
        source=params.source,
    )
    return await list_answer(
        request,
        service.SPEC,
        params,
        lambda session: service.filtered(session=session, filters=filters),
    )


@router.get(
    "/{slug}",
    response_model=PersonPublic,
    operation_id="getPerson",
    summary="Get one person",
    responses=DETAIL_RESPONSES,
)
async def get_person(
    request: Request,
    slug: Annotated[str, Path(description="Person slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One person by slug, with roles and citations."""
    return await detail_answer(request, service.SPEC, slug, shape)
