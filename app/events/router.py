"""HTTP routes for events."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.core.db import SessionDep
from app.core.errors import NotFound, problem_responses
from app.core.pagination import PageDep
from app.core.params import CountParam, SourceParam
from app.core.responses import envelope
from app.core.schemas import Envelope
from app.events import service
from app.events.models import EventPublic

router = APIRouter(prefix="/v1/events", tags=["events"])


@router.get(
    "",
    response_model=Envelope[EventPublic],
    operation_id="listEvents",
    summary="List events",
    responses=problem_responses(422),
)
def list_events(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    source: SourceParam = None,
    count: CountParam = False,
) -> dict[str, object]:
    """Signings, visits, summits, exercises and other events, in date order.

    Each event carries its date with precision, place, related records and citations.
    """
    filters = service.EventFilters(source=source)
    data, result = service.list_events(session=session, filters=filters, page=page, count=count)
    return envelope(request, response, data, result, page)


@router.get(
    "/{slug}",
    response_model=EventPublic,
    operation_id="getEvent",
    summary="Get one event",
    responses=problem_responses(404),
)
def get_event(
    session: SessionDep, slug: Annotated[str, Path(description="Event slug.")]
) -> EventPublic:
    """One event by its slug, with related records and citations."""
    event = service.get_event(session=session, slug=slug)
    if event is None:
        raise NotFound(f"There is no event with slug {slug!r}.")
    return event
