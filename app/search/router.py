"""HTTP route for searching across every resource."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from app.core.db import DatabaseDep
from app.core.errors import InvalidParameter, problem_responses
from app.core.models import MAX_LIMIT, NO_NUL, Q_MAX_LENGTH, BasisLevel, Format, cursor_parameter
from app.http.openapi import query_parameters
from app.http.responses import accept, other_page
from app.query.params import QueryModel, split
from app.query.shapes import CommaList, comma_list
from app.rendering import RESOURCES
from app.search import service
from app.search.models import SearchResults

router = APIRouter(tags=["search"])
PATHS = {resource.kind: resource.plural for resource in RESOURCES}
TYPES = {plural: kind for kind, plural in PATHS.items()}


class SearchParams(BaseModel):
    """The parameters of `/v1/search`."""

    q: str = Field(
        min_length=1,
        max_length=Q_MAX_LENGTH,
        pattern=NO_NUL,
        description='Words, "phrases", OR and -exclusions; British and American '
        "spellings match each other, and an area's aliases find the area.",
        examples=["cyber defense"],
    )
    type: CommaList = comma_list(
        "Search only these resources (default: all).", TYPES, name="SearchType"
    )
    basis: BasisLevel | None = Field(
        None,
        description="Keep only records all of whose values rest at most this far from "
        "the cited words: `stated`, `inferred` (stated or read from the documents) or "
        "`external` (any).",
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Hits per page.")
    cursor: str | None = cursor_parameter()


SEARCH = QueryModel(SearchParams)


@router.get(
    "/v1/search",
    response_model=SearchResults,
    operation_id="search",
    summary="Search every resource",
    responses=problem_responses(406, 422, 503),
    openapi_extra=query_parameters(SEARCH.model),
)
async def search(
    request: Request, query: Annotated[SearchParams, Depends(SEARCH)], db: DatabaseDep
) -> Response:
    """Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Ranks come from SQLite FTS5 (bm25) or PostgreSQL (`ts_rank_cd`); both find the
    same records, and order them by their own measure of relevance. A query matching
    more documents than the ranking window ranks only the last indexed of them, and
    says so in `meta.ranking_window`.
    """
    accept(request, Format.json)
    q, limit = query.q, query.limit
    wanted = split(query.type, "type") or list(TYPES)
    unknown = [t for t in wanted if t not in TYPES]
    if unknown:
        allowed = ", ".join(TYPES)
        raise InvalidParameter("query.type", f"{unknown[0]!r} is not one of {allowed}")
    hits, next_cursor, ranking_window = await db.read(
        lambda session: service.search(
            session,
            q=q,
            types=[TYPES[t] for t in wanted],
            paths=PATHS,
            limit=limit,
            cursor=query.cursor,
            basis=query.basis,
            window=request.app.state.settings.search_rank_window,
        ),
        bounded=False,
    )
    return other_page(
        request,
        hits,
        limit=limit,
        next_cursor=next_cursor,
        returned=len(hits),
        meta={"ranking_window": ranking_window},
    )
