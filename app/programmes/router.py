"""HTTP routes for programmes."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.core.db import DatabaseDep
from app.core.errors import NotFound
from app.core.models import Envelope, Format
from app.http.docs import query_parameters
from app.http.exports import export_all, export_page
from app.http.responses import DETAIL_RESPONSES, list_page, list_responses, negotiate, record
from app.programmes import service
from app.programmes.models import ProgrammePublic, ProgrammeQuery
from app.query.params import DetailParameters, ListParameters, Page, Shape

router = APIRouter(prefix="/v1/programmes", tags=["programmes"])
FORMATS = (Format.json, Format.csv, Format.ndjson)
LIST = ListParameters(service.RESOURCE, ProgrammeQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[ProgrammePublic],
    operation_id="listProgrammes",
    summary="List programmes",
    responses=list_responses("A page of programmes (JSON), or every match as CSV or NDJSON."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_programmes(
    request: Request, page: Annotated[Page[ProgrammeQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Declarations, partnership programmes, NATO programmes and trust funds.

    In order of entry into force, each revision its own programme linked to its
    predecessor. `from`/`to` match programmes in force at any time in the range.
    """
    fmt = negotiate(request, page.format, FORMATS)
    if fmt is not Format.json and page.limit is None:
        export = await db.read(
            lambda s: service.export_programmes(session=s, page=page), bounded=False
        )
        return export_all(db, export, page, fmt)
    found = await db.read(
        lambda s: service.list_programmes(session=s, page=page), bounded=page.bounded
    )
    if fmt is not Format.json:
        return export_page(request, service.RESOURCE, page, found, fmt)
    return list_page(request, page, found)


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
    slug: Annotated[str, Path(description="Programme slug.")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One programme by its slug, with lineage, areas, events and citations."""
    negotiate(request, None, (Format.json,))
    found = await db.read(
        lambda s: service.get_programme(session=s, slug=slug, shape=shape), bounded=True
    )
    if found is None:
        raise NotFound(f"There is no programme with slug {slug!r}.")
    return record(found)
