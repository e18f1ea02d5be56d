"""HTTP routes for people."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.models import Envelope, slug_in_path
from app.http.openapi import query_parameters
from app.http.responses import DETAIL_RESPONSES, list_answer, list_responses, record_answer
from app.people import service
from app.people.models import PersonPublic, PersonQuery
from app.query.documents import DetailParameters
from app.query.params import ListParameters, Page, Shape

router = APIRouter(prefix="/v1/people", tags=["people"])
LIST = ListParameters(service.RESOURCE, PersonQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[PersonPublic],
    operation_id="listPeople",
    summary="List people",
    responses=list_responses("A page of people (JSON), or every match as CSV or NDJSON."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_people(
    request: Request, page: Annotated[Page[PersonQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Named people with the roles the sources give them."""
    return await list_answer(
        request, db, page, service.RESOURCE, service.list_people, service.export_people
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
