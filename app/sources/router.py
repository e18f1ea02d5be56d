"""HTTP routes for source documents and the citations that point into them."""

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.citations.models import CitationInSource
from app.core.db import DatabaseDep
from app.core.errors import NotFound
from app.core.models import Envelope, Format, slug_in_path
from app.http.openapi import query_parameters
from app.http.operations import (
    DETAIL_RESPONSES,
    MOVED_RESPONSES,
    export_format,
    export_responses,
    list_responses,
)
from app.http.responses import export_answer, list_answer, not_here, record_answer
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape
from app.sources import service
from app.sources.models import CitationQuery, SourceDetail, SourcePublic, SourceQuery

router = APIRouter(prefix="/v1/sources", tags=["sources"])
LIST = ListParameters(service.RESOURCE, SourceQuery)
DETAIL = DetailParameters(service.RESOURCE)
# A source's citations take neither `q` nor `source`: they are not a list of cited records.
CITATIONS = ListParameters(service.CITATIONS, CitationQuery, cited=False)


@router.get(
    "",
    response_model=Envelope[SourcePublic],
    operation_id="listSources",
    summary="List source documents",
    responses=list_responses("A page of sources."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_sources(
    request: Request, page: Annotated[Page[SourceQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """The documents every citation points into, with their SHA-256 (text omitted)."""
    return await list_answer(request, db, page, service.list_sources)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportSources",
    summary="Export sources",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_sources(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[SourceQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every source matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request,
        db,
        page,
        service.RESOURCE,
        service.list_sources,
        service.export_sources,
        Format(fmt),
    )


@router.get(
    "/{slug}",
    response_model=SourceDetail,
    operation_id="getSource",
    summary="Get one source document with its full text",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_source(
    request: Request,
    slug: Annotated[str, slug_in_path("Source")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One source with its full verbatim text; citation offsets index into `text`."""
    return await record_answer(request, db, service.RESOURCE, service.get_source, slug, shape)


@router.get(
    "/{slug}/citations",
    response_model=Envelope[CitationInSource],
    operation_id="listSourceCitations",
    summary="List the citations that point into a source",
    responses={**list_responses("Citations in order of position."), **DETAIL_RESPONSES},
    openapi_extra=query_parameters(CITATIONS.model),
)
async def list_source_citations(
    request: Request,
    slug: Annotated[str, slug_in_path("Source")],
    page: Annotated[Page[CitationQuery], Depends(CITATIONS)],
    db: DatabaseDep,
) -> Response:
    """Every citation into the source with its offsets, in text order, to highlight it.

    `text[start:end] == evidence` for the source's `text` from `GET /v1/sources/{slug}`.
    """
    # One source's citations, filtered: never a bounded read, so in the thread pool.
    read = partial(service.list_citations, slug=slug)
    try:
        return await list_answer(request, db, page, read, bounded=False)
    except NotFound:
        return await not_here(request, db, service.RESOURCE, slug, segment=-2)


@router.get(
    "/{slug}/citations.{format}",
    response_class=Response,
    operation_id="exportSourceCitations",
    summary="Export the citations that point into a source",
    responses={**export_responses(service.CITATIONS.formats), **MOVED_RESPONSES},
    openapi_extra=query_parameters(CITATIONS.model),
)
async def export_source_citations(
    request: Request,
    slug: Annotated[str, slug_in_path("Source")],
    fmt: Annotated[str, export_format(service.CITATIONS.formats)],
    page: Annotated[Page[CitationQuery], Depends(CITATIONS)],
    db: DatabaseDep,
) -> Response:
    """Every citation into the source, as CSV or NDJSON; with `limit=`, one page."""
    try:
        return await export_answer(
            request,
            db,
            page,
            service.CITATIONS,
            partial(service.list_citations, slug=slug),
            partial(service.export_citations, slug=slug),
            Format(fmt),
        )
    except NotFound:
        return await not_here(request, db, service.RESOURCE, slug, segment=-2)
