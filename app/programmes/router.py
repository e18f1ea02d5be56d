"""HTTP routes for programmes."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam, SourceParam
from app.core.responses import envelope
from app.core.schemas import Envelope
from app.programmes import service
from app.programmes.models import ProgrammePublic

router = APIRouter(prefix="/v1/programmes", tags=["programmes"])


@router.get(
    "",
    response_model=Envelope[ProgrammePublic],
    operation_id="listProgrammes",
    summary="List programmes",
    responses=problem_responses(422),
)
def list_programmes(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: SourceParam = None,
    count: CountParam = False,
) -> dict[str, object]:
    """Declarations, partnership programmes, NATO programmes and trust funds.

    In order of entry into force, with each revision as its own programme.
    """
    filters = service.ProgrammeFilters(source=source)
    data, result = service.list_programmes(session=session, filters=filters, page=page, count=count)
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=ProgrammePublic,
    operation_id="getProgramme",
    summary="Get one programme",
    responses=problem_responses(404),
)
def get_programme(
    session: SessionDep, slug: Annotated[str, Path(description="Programme slug.")]
) -> ProgrammePublic:
    """One programme by its slug, with lineage, areas, events and citations."""
    found = service.get_programme(session=session, slug=slug)
    if found is None:
        raise NotFound(f"There is no programme with slug {slug!r}.")
    return found
