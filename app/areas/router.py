"""HTTP routes for cooperation areas."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.areas import service
from app.areas.models import AreaPublic, AreaQuery
from app.core.db import DatabaseDep
from app.core.errors import NotFound
from app.core.models import Envelope, Format
from app.http.docs import query_parameters
from app.http.exports import export_all, export_page
from app.http.responses import DETAIL_RESPONSES, list_page, list_responses, negotiate, record
from app.query.params import DetailParameters, ListParameters, Page, Shape

router = APIRouter(prefix="/v1/areas", tags=["areas"])
FORMATS = (Format.json, Format.csv, Format.ndjson)
LIST = ListParameters(service.RESOURCE, AreaQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[AreaPublic],
    operation_id="listAreas",
    summary="List cooperation areas",
    responses=list_responses("A page of areas (JSON), or every match as CSV or NDJSON."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_areas(
    request: Request, page: Annotated[Page[AreaQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """The cooperation-area taxonomy (cyber defence, maritime security, HADR, ...).

    Each area lists every spelling the sources use as `aliases`, and `counts` of the
    events, programmes and quotes linked to it or to its sub-areas.
    """
    fmt = negotiate(request, page.format, FORMATS)
    if fmt is not Format.json and page.limit is None:
        export = await db.read(lambda s: service.export_areas(session=s, page=page), bounded=False)
        return export_all(db, export, page, fmt)
    found = await db.read(lambda s: service.list_areas(session=s, page=page), bounded=page.bounded)
    if fmt is not Format.json:
        return export_page(request, service.RESOURCE, page, found, fmt)
    return list_page(request, page, found)


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
    slug: Annotated[str, Path(description="Area slug.")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One cooperation area by its slug, with parent, sub-areas, counts and citations."""
    negotiate(request, None, (Format.json,))
    found = await db.read(
        lambda s: service.get_area(session=s, slug=slug, shape=shape), bounded=True
    )
    if found is None:
        raise NotFound(f"There is no area with slug {slug!r}.")
    return record(found)
