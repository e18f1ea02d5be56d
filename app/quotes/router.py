"""HTTP routes for quotes."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam, SourceParam
from app.core.responses import envelope
from app.core.schemas import Envelope
from app.quotes import service
from app.quotes.models import QuotePublic

router = APIRouter(prefix="/v1/quotes", tags=["quotes"])


@router.get(
    "",
    response_model=Envelope[QuotePublic],
    operation_id="listQuotes",
    summary="List quotes",
    responses=problem_responses(422),
)
def list_quotes(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: SourceParam = None,
    count: CountParam = False,
) -> dict[str, object]:
    """Who said what, when and where, in the exact words of the source.

    In the order they were said; `text_start`/`text_end` locate the words in the source.
    """
    filters = service.QuoteFilters(source=source)
    data, result = service.list_quotes(session=session, filters=filters, page=page, count=count)
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=QuotePublic,
    operation_id="getQuote",
    summary="Get one quote",
    responses=problem_responses(404),
)
def get_quote(
    session: SessionDep, slug: Annotated[str, Path(description="Quote slug.")]
) -> QuotePublic:
    """One quote by its slug, with speaker, event, source offsets and citations."""
    found = service.get_quote(session=session, slug=slug)
    if found is None:
        raise NotFound(f"There is no quote with slug {slug!r}.")
    return found
