"""HTTP routes for people."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.models import Envelope, Format, slug_in_path
from app.http.openapi import query_parameters
from app.http.operations import DETAIL_RESPONSES, export_format, export_responses, list_responses
from app.http.responses import export_answer, list_answer, record_answer
from app.people import service
from app.people.models import PersonPublic, PersonQuery
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape

router = APIRouter(prefix="/v1/people", tags=["people"])
LIST = ListParameters(service.RESOURCE, PersonQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[PersonPublic],
    operation_id="listPeople",
    summary="List people",
    responses=list_responses("A page of people."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_people(
    request: Request, page: Annotated[Page[PersonQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Named people with the roles the sources give them."""
    return await list_answer(request, db, page, service.list_people)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportPeople",
    summary="Export people",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_people(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[PersonQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every person matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request, db, page, service.RESOURCE, service.list_people, service.export_people, Format(fmt)
    )


@router.get(
    "/{slug}",
    response_model=PersonPublic,
    operation_id="getPerson",
    summary="Get one person",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_person(
    request: Request,
    slug: Annotated[str, slug_in_path("Person")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One person by slug, with roles and citations."""
    return await record_answer(request, db, service.RESOURCE, service.get_person, slug, shape)
