"""HTTP routes for areas."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.areas import service
from app.areas.models import AreaPublic
from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam, SourceParam
from app.core.responses import envelope
from app.core.schemas import Envelope

router = APIRouter(prefix="/v1/areas", tags=["areas"])


@router.get(
    "",
    response_model=Envelope[AreaPublic],
    operation_id="listAreas",
    summary="List areas",
    responses=problem_responses(422),
)
def list_areas(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: SourceParam = None,
    count: CountParam = False,
) -> dict[str, object]:
    """The cooperation-area taxonomy (cyber defence, maritime security, HADR, ...).

    Each area lists every spelling the sources use as its aliases.
    """
    filters = service.AreaFilters(source=source)
    data, result = service.list_areas(session=session, filters=filters, page=page, count=count)
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=AreaPublic,
    operation_id="getArea",
    summary="Get one area",
    responses=problem_responses(404),
)
def get_area(
    session: SessionDep, slug: Annotated[str, Path(description="Area slug.")]
) -> AreaPublic:
    """One cooperation area by its slug, with parent, sub-areas and citations."""
    found = service.get_area(session=session, slug=slug)
    if found is None:
        raise NotFound(f"There is no area with slug {slug!r}.")
    return found
