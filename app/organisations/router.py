"""HTTP routes for organisations."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.models import Envelope, Format, slug_in_path
from app.http.openapi import query_parameters
from app.http.operations import DETAIL_RESPONSES, export_format, export_responses, list_responses
from app.http.responses import export_answer, list_answer, record_answer
from app.organisations import service
from app.organisations.models import OrganisationPublic, OrganisationQuery
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape

router = APIRouter(prefix="/v1/organisations", tags=["organisations"])
LIST = ListParameters(service.RESOURCE, OrganisationQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[OrganisationPublic],
    operation_id="listOrganisations",
    summary="List organisations",
    responses=list_responses("A page of organisations."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_organisations(
    request: Request, page: Annotated[Page[OrganisationQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Named bodies: NATO and its parts, states, governments, ministries, forces, media."""
    return await list_answer(request, db, page, service.list_organisations)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportOrganisations",
    summary="Export organisations",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_organisations(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[OrganisationQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every organisation matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request,
        db,
        page,
        service.RESOURCE,
        service.list_organisations,
        service.export_organisations,
        Format(fmt),
    )


@router.get(
    "/{slug}",
    response_model=OrganisationPublic,
    operation_id="getOrganisation",
    summary="Get one organisation",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_organisation(
    request: Request,
    slug: Annotated[str, slug_in_path("Organisation")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One organisation by slug, with parent, parts and citations."""
    return await record_answer(request, db, service.RESOURCE, service.get_organisation, slug, shape)
