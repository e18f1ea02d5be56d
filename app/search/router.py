"""HTTP route for searching across every resource."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from app.core.db import read
from app.core.errors import InvalidParameter, problem_responses
from app.core.formats import negotiate
from app.core.pagination import MAX_LIMIT, Page
from app.core.params import Format
from app.core.responses import page_response
from app.core.routes import QueryRoute
from app.search import service
from app.search.models import SearchResults

router = APIRouter(tags=["search"], route_class=QueryRoute)
TYPES = {plural: kind for kind, plural in service.PATHS.items()}


class SearchParams(BaseModel):
    """The parameters of `/v1/search`."""

    q: str = Field(
        min_length=1,
        max_length=500,
        description='Words, "phrases", OR and -exclusions; British and American '
        "spellings match each other, and an area's aliases find the area.",
        examples=["cyber defense"],
    )
    type: str | None = Field(
        None, description=f"Comma list of resources to search: {', '.join(TYPES)}. Default all."
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Hits per page.")
    cursor: str | None = Field(None, description="Opaque cursor of the next page.")


@router.get(
    "/v1/search",
    response_model=SearchResults,
    operation_id="search",
    summary="Search every resource",
    responses=problem_responses(406, 422),
)
async def search(request: Request, query: Annotated[SearchParams, Query()]) -> Response:
    """Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Ranks come from SQLite FTS5 (bm25) or PostgreSQL (`ts_rank_cd`); both find the
    same records, and order them by their own measure of relevance. A query matching
    more documents than the ranking window ranks only the last indexed of them, and
    says so in `meta.ranking_window`.
    """
    negotiate(request, None, (Format.json,))
    q, limit = query.q, query.limit
    wanted = [t.strip() for t in (query.type or ",".join(TYPES)).split(",") if t.strip()]
    unknown = [t for t in wanted if t not in TYPES]
    if unknown:
        raise InvalidParameter("query.type", f"unknown type(s) {', '.join(unknown)}")
    hits, next_cursor, ranking_window = await read(
        request,
        lambda session: service.search(
            session,
            q=q,
            types=[TYPES[t] for t in wanted],
            page=Page(limit, query.cursor),
            window=request.app.state.settings.search_rank_window,
        ),
        bounded=False,
    )
    return page_response(
        request,
        hits,
        limit=limit,
        next_cursor=next_cursor,
        returned=len(hits),
        meta={"ranking_window": ranking_window},
    )
