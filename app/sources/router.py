"""HTTP routes for source documents."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam
from app.core.responses import envelope
from app.core.schemas import Envelope
from app.sources import service
from app.sources.models import SourceDetail, SourcePublic

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get(
    "",
    response_model=Envelope[SourcePublic],
    operation_id="listSources",
    summary="List source documents",
    responses=problem_responses(422),
)
def list_sources(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    count: CountParam = False,
) -> dict[str, object]:
    """The documents every citation points into, with their SHA-256 (text omitted)."""
    data, result = service.list_sources(session=session, page=page, count=count)
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=SourceDetail,
    operation_id="getSource",
    summary="Get one source document with its full text",
    responses=problem_responses(404),
)
def get_source(
    session: SessionDep, slug: Annotated[str, Path(description="Source slug.")]
) -> SourceDetail:
    """One source with its full verbatim text; citation offsets index into `text`."""
    found = service.get_source(session=session, slug=slug)
    if found is None:
        raise NotFound(f"There is no source with slug {slug!r}.")
    return found
