"""HTTP routes for events."""

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from app.core.db import SessionDep
from app.core.filters import DateRange
from app.core.params import (
    DetailParams,
    Format,
    ListParams,
    date_range,
    detail_params,
    list_params,
)
from app.core.responses import detail_response, list_response
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope
from app.events import service
from app.events.calendar import calendar_lines
from app.events.models import EventKind, EventPublic

router = APIRouter(prefix="/v1/events", tags=["events"])
ListParamsDep = Annotated[ListParams, Depends(list_params(service.SPEC))]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


def event_filters(
    dates: Annotated[DateRange, Depends(date_range)],
    kind: Annotated[
        list[EventKind] | None, Query(description="Event kind; repeat for any of several.")
    ] = None,
    area: Annotated[
        list[str] | None, Query(description="Area slug; matches its sub-areas too. Repeatable.")
    ] = None,
    programme: Annotated[list[str] | None, Query(description="Programme slug. Repeatable.")] = None,
    person: Annotated[list[str] | None, Query(description="Person slug. Repeatable.")] = None,
    organisation: Annotated[
        list[str] | None, Query(description="Organisation slug. Repeatable.")
    ] = None,
    place: Annotated[str | None, Query(description="Part of the place name, any case.")] = None,
    country: Annotated[str | None, Query(description="Country of the place, any case.")] = None,
) -> service.EventFilters:
    return service.EventFilters(
        kind=kind or [],
        area=area or [],
        programme=programme or [],
        person=person or [],
        organisation=organisation or [],
        place=place,
        country=country,
        dates=dates,
    )


@router.get(
    "",
    response_model=Envelope[EventPublic],
    operation_id="listEvents",
    summary="List events",
    responses=list_responses(
        "A page of events (JSON), or every match as CSV, NDJSON or iCalendar.", calendar=True
    ),
)
def list_events(
    request: Request,
    session: SessionDep,
    params: ListParamsDep,
    filters: Annotated[service.EventFilters, Depends(event_filters)],
) -> Response:
    """Signings, visits, summits, exercises and other events, in date order.

    Each event carries its date with precision, place, related records and citations.
    Filters combine with AND; repeated values of one filter with OR. A date range
    matches events whose span overlaps it.
    """
    filters = service.EventFilters(**{**filters.__dict__, "q": params.q, "source": params.source})
    query = service.filtered(session=session, filters=filters)
    base = str(request.base_url).rstrip("/")
    stamp = getattr(request.state, "data_stamp", "19700101T000000Z")

    def ics(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
        return calendar_lines(batches, stamp=stamp, base_url=base)

    return list_response(request, session, service.SPEC, query, params, renderers={Format.ics: ics})


@router.get(
    "/{slug}",
    response_model=EventPublic,
    operation_id="getEvent",
    summary="Get one event",
    responses=DETAIL_RESPONSES,
)
def get_event(
    request: Request,
    session: SessionDep,
    slug: Annotated[str, Path(description="Event slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One event by its slug, with related records and citations."""
    return detail_response(request, session, service.SPEC, slug, shape)
