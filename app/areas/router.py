"""HTTP routes for cooperation areas."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from app.areas import service
from app.areas.models import AreaPublic
from app.core.params import DetailParams, ListParams, detail_params, list_params
from app.core.responses import detail_answer, list_answer
from app.core.routes import QueryRoute
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope

router = APIRouter(prefix="/v1/areas", tags=["areas"], route_class=QueryRoute)


class AreaQuery(BaseModel):
    """The areas list's own filters."""

    parent: str | None = Field(None, description="Only the direct sub-areas of this area.")
    top_level: bool = Field(False, description="Only areas without a parent.")


ListParamsDep = Annotated[ListParams[AreaQuery], Depends(list_params(service.SPEC, AreaQuery))]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


@router.get(
    "",
    response_model=Envelope[AreaPublic],
    operation_id="listAreas",
    summary="List cooperation areas",
    responses=list_responses("A page of areas (JSON), or every match as CSV or NDJSON."),
)
async def list_areas(request: Request, params: ListParamsDep) -> Response:
    """The cooperation-area taxonomy (cyber defence, maritime security, HADR, ...).

    Each area lists every spelling the sources use as `aliases`, and `counts` of the
    events, programmes and quotes linked to it or to its sub-areas.
    """
    filters = service.AreaFilters(
        parent=params.filters.parent,
        top_level=params.filters.top_level,
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
    response_model=AreaPublic,
    operation_id="getArea",
    summary="Get one cooperation area",
    responses=DETAIL_RESPONSES,
)
async def get_area(
    request: Request,
    slug: Annotated[str, Path(description="Area slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One cooperation area by its slug, with parent, sub-areas, counts and citations."""
    return await detail_answer(request, service.SPEC, slug, shape)
