"""HTTP routes for organisations."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from app.core.params import DetailParams, ListParams, detail_params, list_params, repeatable
from app.core.responses import detail_answer, list_answer
from app.core.routes import QueryRoute
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope
from app.organisations import service
from app.organisations.models import OrganisationKind, OrganisationPublic

router = APIRouter(prefix="/v1/organisations", tags=["organisations"], route_class=QueryRoute)


class OrganisationQuery(BaseModel):
    """The organisations list's own filters."""

    kind: list[OrganisationKind] = repeatable("Organisation kind. Repeatable.")
    parent: str | None = Field(None, description="Only the direct parts of this body.")
    country: str | None = Field(None, description="Country, any case.")


ListParamsDep = Annotated[
    ListParams[OrganisationQuery], Depends(list_params(service.SPEC, OrganisationQuery))
]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


@router.get(
    "",
    response_model=Envelope[OrganisationPublic],
    operation_id="listOrganisations",
    summary="List organisations",
    responses=list_responses("A page of organisations (JSON), or every match as CSV or NDJSON."),
)
async def list_organisations(request: Request, params: ListParamsDep) -> Response:
    """Named bodies: NATO and its parts, states, governments, ministries, forces, media."""
    filters = service.OrganisationFilters(
        kind=params.filters.kind,
        parent=params.filters.parent,
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
    response_model=OrganisationPublic,
    operation_id="getOrganisation",
    summary="Get one organisation",
    responses=DETAIL_RESPONSES,
)
async def get_organisation(
    request: Request,
    slug: Annotated[str, Path(description="Organisation slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One organisation by slug, with parent, parts and citations."""
    return await detail_answer(request, service.SPEC, slug, shape)
