"""HTTP route for searching across every resource."""

from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from app.core.errors import InvalidParameter, NotReady, problem_responses
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
RETRY = {"Retry-After": "5"}


@router.get(
    "/v1/search",
    response_model=SearchResults,
    operation_id="search",
    summary="Search every resource",
    responses=problem_responses(406, 422, 503),
    openapi_extra=query_parameters(SEARCH.model),
)
async def search(request: Request, query: Annotated[SearchParams, Depends(SEARCH)]) -> Response:
    """Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Every match is ranked, by BM25 in the service's search index (titles weigh four
    times the body), the same way whichever database serves the data; equal ranks keep
    one fixed order, so pages never repeat or skip a hit. While the index of a new
    dataset version is being built, the answer is 503 with Retry-After.
    """
    accept(request, Format.json)
    q, limit = query.q, query.limit
    wanted = split(query.type, "type") or list(TYPES)
    unknown = [t for t in wanted if t not in TYPES]
    if unknown:
        allowed = ", ".join(TYPES)
        raise InvalidParameter("query.type", f"{unknown[0]!r} is not one of {allowed}")
    version = getattr(request.state, "data_version", None)
    if version is None:
        raise NotReady("The database holds no dataset: run `python -m seeds`.", headers=RETRY)
    indexes = request.app.state.search_indexes
    index = indexes.get(version)
    hits, next_cursor = await to_thread.run_sync(
        lambda: service.search(
            index,
            q=q,
            types=[TYPES[t] for t in wanted],
            paths=PATHS,
            limit=limit,
            cursor=query.cursor,
            basis=query.basis,
        ),
        limiter=indexes.limiter,
    )
    return other_page(request, hits, limit=limit, next_cursor=next_cursor, returned=len(hits))
