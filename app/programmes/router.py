"""HTTP routes for programmes."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.models import Envelope, Format, slug_in_path
from app.http.openapi import query_parameters
from app.http.operations import DETAIL_RESPONSES, export_format, export_responses, list_responses
from app.http.responses import export_answer, list_answer, record_answer
from app.programmes import service
from app.programmes.models import ProgrammePublic, ProgrammeQuery
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape

router = APIRouter(prefix="/v1/programmes", tags=["programmes"])
LIST = ListParameters(service.RESOURCE, ProgrammeQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[ProgrammePublic],
    operation_id="listProgrammes",
    summary="List programmes",
    responses=list_responses("A page of programmes."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_programmes(
    request: Request, page: Annotated[Page[ProgrammeQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Declarations, partnership programmes, NATO programmes and trust funds.

    In order of entry into force, each revision its own programme linked to its
    predecessor. `from`/`to` match programmes in force at any time in the range.
    """
    return await list_answer(request, db, page, service.list_programmes)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportProgrammes",
    summary="Export programmes",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_programmes(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[ProgrammeQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every programme matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request,
        db,
        page,
        service.RESOURCE,
        service.list_programmes,
        service.export_programmes,
        Format(fmt),
    )


@router.get(
    "/{slug}",
    response_model=ProgrammePublic,
    operation_id="getProgramme",
    summary="Get one programme",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_programme(
    request: Request,
    slug: Annotated[str, slug_in_path("Programme")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One programme by its slug, with lineage, areas, events and citations."""
    return await record_answer(request, db, service.RESOURCE, service.get_programme, slug, shape)
