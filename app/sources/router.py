"""HTTP routes for source documents and the citations that point into them."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from app.citations.models import CITED_KINDS, CitationInSource
from app.core.db import read
from app.core.errors import InvalidParameter, NotFound
from app.core.params import DetailParams, ListParams, detail_params, list_params, repeatable
from app.core.responses import detail_answer, list_answer, list_response
from app.core.routes import QueryRoute
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope
from app.sources import service
from app.sources.models import SourceDetail, SourceKind, SourcePublic

router = APIRouter(prefix="/v1/sources", tags=["sources"], route_class=QueryRoute)


class SourceQuery(BaseModel):
    """The sources list's own filters."""

    kind: list[SourceKind] = repeatable("Source kind. Repeatable.")


class CitationQuery(BaseModel):
    """The filters of a source's citations."""

    type: list[str] = Field(
        [], description=f"Only citations of these record types: {', '.join(CITED_KINDS)}."
    )


ListParamsDep = Annotated[ListParams[SourceQuery], Depends(list_params(service.SPEC, SourceQuery))]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]
CitationParamsDep = Annotated[
    ListParams[CitationQuery], Depends(list_params(service.CITATIONS_SPEC, CitationQuery))
]


@router.get(
    "",
    response_model=Envelope[SourcePublic],
    operation_id="listSources",
    summary="List source documents",
    responses=list_responses("A page of sources (JSON), or every match as CSV or NDJSON."),
)
async def list_sources(request: Request, params: ListParamsDep) -> Response:
    """The documents every citation points into, with their SHA-256 (text omitted)."""
    filters = service.SourceFilters(kind=params.filters.kind, q=params.q, source=params.source)
    return await list_answer(
        request,
        service.SPEC,
        params,
        lambda session: service.filtered(session=session, filters=filters),
    )


@router.get(
    "/{slug}",
    response_model=SourceDetail,
    operation_id="getSource",
    summary="Get one source document with its full text",
    responses=DETAIL_RESPONSES,
)
async def get_source(
    request: Request,
    slug: Annotated[str, Path(description="Source slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One source with its full verbatim text; citation offsets index into `text`."""
    return await detail_answer(request, service.SPEC, slug, shape, extra=service.with_text)


@router.get(
    "/{slug}/citations",
    response_model=Envelope[CitationInSource],
    operation_id="listSourceCitations",
    summary="List the citations that point into a source",
    responses={**list_responses("Citations in order of position."), **DETAIL_RESPONSES},
)
async def list_source_citations(
    request: Request,
    slug: Annotated[str, Path(description="Source slug.")],
    params: CitationParamsDep,
) -> Response:
    """Every citation into the source with its offsets, in text order, to highlight it.

    `text[start:end] == evidence` for the source's `text` from `GET /v1/sources/{slug}`.
    """
    kinds = params.filters.type
    unknown = [t for t in kinds if t not in CITED_KINDS]
    if unknown:
        raise InvalidParameter("query.type", f"unknown record type(s) {', '.join(unknown)}")

    def answer(session: Session) -> Response:
        if service.text_of(session, slug) is None:
            raise NotFound(f"There is no source with slug {slug!r}.")
        query = service.citations_query(session=session, slug=slug, kind=kinds)
        return list_response(request, session, service.CITATIONS_SPEC, query, params)

    # A filtered list (one source's citations): never `bounded`, so in the thread pool.
    return await read(request, answer, bounded=False)
