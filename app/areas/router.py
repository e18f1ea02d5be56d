"""HTTP routes for cooperation areas."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.areas import service
from app.areas.models import AreaPublic, AreaQuery
from app.core.db import DatabaseDep
from app.core.models import Envelope, Format, slug_in_path
from app.http.openapi import query_parameters
from app.http.operations import DETAIL_RESPONSES, export_format, export_responses, list_responses
from app.http.responses import export_answer, list_answer, record_answer
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape

router = APIRouter(prefix="/v1/areas", tags=["areas"])
LIST = ListParameters(service.RESOURCE, AreaQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[AreaPublic],
    operation_id="listAreas",
    summary="List cooperation areas",
    responses=list_responses("A page of areas."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_areas(
    request: Request, page: Annotated[Page[AreaQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """The cooperation-area taxonomy (cyber defence, maritime security, HADR, ...).

    Each area lists every spelling the sources use as `aliases`, and `counts` of the
    events, programmes and quotes linked to it or to its sub-areas.
    """
    return await list_answer(request, db, page, service.list_areas)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportAreas",
    summary="Export areas",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_areas(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[AreaQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every area matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request, db, page, service.RESOURCE, service.list_areas, service.export_areas, Format(fmt)
    )


@router.get(
    "/{slug}",
    response_model=AreaPublic,
    operation_id="getArea",
    summary="Get one cooperation area",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_area(
    request: Request,
    slug: Annotated[str, slug_in_path("Area")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One cooperation area by its slug, with parent, sub-areas, counts and citations."""
    return await record_answer(request, db, service.RESOURCE, service.get_area, slug, shape)
