"""HTTP routes for quotes."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.models import Envelope, Format, slug_in_path
from app.http.openapi import query_parameters
from app.http.operations import DETAIL_RESPONSES, export_format, export_responses, list_responses
from app.http.responses import export_answer, list_answer, record_answer
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape
from app.quotes import service
from app.quotes.models import QuotePublic, QuoteQuery

router = APIRouter(prefix="/v1/quotes", tags=["quotes"])
LIST = ListParameters(service.RESOURCE, QuoteQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[QuotePublic],
    operation_id="listQuotes",
    summary="List quotes",
    responses=list_responses("A page of quotes."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_quotes(
    request: Request, page: Annotated[Page[QuoteQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Who said what, when and where, in the exact words of the source.

    In the order they were said; `text_start`/`text_end` locate the words in the
    source's text. `source=` gives the quotes of one document.
    """
    return await list_answer(request, db, page, service.list_quotes)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportQuotes",
    summary="Export quotes",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_quotes(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[QuoteQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every quote matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request, db, page, service.RESOURCE, service.list_quotes, service.export_quotes, Format(fmt)
    )


@router.get(
    "/{slug}",
    response_model=QuotePublic,
    operation_id="getQuote",
    summary="Get one quote",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_quote(
    request: Request,
    slug: Annotated[str, slug_in_path("Quote")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One quote by its slug, with speaker, event, source offsets and citations."""
    return await record_answer(request, db, service.RESOURCE, service.get_quote, slug, shape)
