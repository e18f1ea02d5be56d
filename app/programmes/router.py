"""HTTP routes for programmes."""

from datetime import date
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
from app.programmes import service
from app.programmes.models import ProgrammeKind, ProgrammePublic

router = APIRouter(prefix="/v1/programmes", tags=["programmes"], route_class=QueryRoute)


class ProgrammeQuery(DatesQuery):
    """The programmes list's own filters; `from`/`to` match the in-force span."""

    kind: list[ProgrammeKind] = repeatable("Programme kind. Repeatable.")
    area: list[str] = repeatable("Area slug; matches its sub-areas too. Repeatable.")
    in_force_on: date | None = Field(
        None, description="Programmes whose in-force span contains this day (YYYY-MM-DD)."
    )


ListParamsDep = Annotated[
    ListParams[ProgrammeQuery], Depends(list_params(service.SPEC, ProgrammeQuery))
]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


@router.get(
    "",
    response_model=Envelope[ProgrammePublic],
    operation_id="listProgrammes",
    summary="List programmes",
    responses=list_responses("A page of programmes (JSON), or every match as CSV or NDJSON."),
)
async def list_programmes(request: Request, params: ListParamsDep) -> Response:
    """Declarations, partnership programmes, NATO programmes and trust funds.

    In order of entry into force, each revision its own programme linked to its
    predecessor. `from`/`to` match programmes in force at any time in the range.
    """
    chosen = params.filters
    filters = service.ProgrammeFilters(
        kind=chosen.kind,
        area=chosen.area,
        in_force_on=chosen.in_force_on,
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
    response_model=ProgrammePublic,
    operation_id="getProgramme",
    summary="Get one programme",
    responses=DETAIL_RESPONSES,
)
async def get_programme(
    request: Request,
    slug: Annotated[str, Path(description="Programme slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One programme by its slug, with lineage, areas, events and citations."""
    return await detail_answer(request, service.SPEC, slug, shape)
