"""HTTP routes for quotes."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import Field

from app.core.params import (
    DatesQuery,
    DetailParams,
    ListParams,
    detail_params,
    list_params,
    repeatable,
)
from app.core.responses import detail_answer, list_answer
from app.core.routes import QueryRoute
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope
from app.quotes import service
from app.quotes.models import QuoteMode, QuotePublic

router = APIRouter(prefix="/v1/quotes", tags=["quotes"], route_class=QueryRoute)


class QuoteQuery(DatesQuery):
    """The quotes list's own filters."""

    speaker: list[str] = repeatable("Person slug. Repeatable.")
    organisation: list[str] = repeatable("Organisation the speaker spoke for (slug). Repeatable.")
    area: list[str] = repeatable("Area slug; matches its sub-areas too. Repeatable.")
    event: list[str] = repeatable("Event the words were said at (slug). Repeatable.")
    mode: QuoteMode | None = Field(
        None, description="`direct` (the speaker's words) or `reported` (indirect speech)."
    )


ListParamsDep = Annotated[ListParams[QuoteQuery], Depends(list_params(service.SPEC, QuoteQuery))]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


@router.get(
    "",
    response_model=Envelope[QuotePublic],
    operation_id="listQuotes",
    summary="List quotes",
    responses=list_responses("A page of quotes (JSON), or every match as CSV or NDJSON."),
)
async def list_quotes(request: Request, params: ListParamsDep) -> Response:
    """Who said what, when and where, in the exact words of the source.

    In the order they were said; `text_start`/`text_end` locate the words in the
    source's text. `source=` gives the quotes of one document.
    """
    chosen = params.filters
    filters = service.QuoteFilters(
        speaker=chosen.speaker,
        organisation=chosen.organisation,
        area=chosen.area,
        event=chosen.event,
        mode=chosen.mode,
        dates=chosen.dates,
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
    response_model=QuotePublic,
    operation_id="getQuote",
    summary="Get one quote",
    responses=DETAIL_RESPONSES,
)
async def get_quote(
    request: Request,
    slug: Annotated[str, Path(description="Quote slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One quote by its slug, with speaker, event, source offsets and citations."""
    return await detail_answer(request, service.SPEC, slug, shape)
