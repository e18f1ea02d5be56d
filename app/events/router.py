"""HTTP routes for events."""

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import Field

from app.core.params import (
    DatesQuery,
    DetailParams,
    Format,
    ListParams,
    detail_params,
    list_params,
    repeatable,
)
from app.core.responses import detail_answer, list_answer, origin
from app.core.routes import QueryRoute
from app.core.routing import DETAIL_RESPONSES, list_responses
from app.core.schemas import Envelope
from app.events import service
from app.events.calendar import calendar_lines
from app.events.models import EventKind, EventPublic

router = APIRouter(prefix="/v1/events", tags=["events"], route_class=QueryRoute)


class EventQuery(DatesQuery):
    """The events list's own filters (the timeline takes them too)."""

    kind: list[EventKind] = repeatable("Event kind; repeat for any of several.")
    area: list[str] = repeatable("Area slug; matches its sub-areas too. Repeatable.")
    programme: list[str] = repeatable("Programme slug. Repeatable.")
    person: list[str] = repeatable("Person slug. Repeatable.")
    organisation: list[str] = repeatable("Organisation slug. Repeatable.")
    place: str | None = Field(None, description="Part of the place name, any case.")
    country: str | None = Field(None, description="Country of the place, any case.")

    def filters(self, *, q: str | None, source: str | None) -> service.EventFilters:
        return service.EventFilters(
            kind=self.kind,
            area=self.area,
            programme=self.programme,
            person=self.person,
            organisation=self.organisation,
            place=self.place,
            country=self.country,
            dates=self.dates,
            q=q,
            source=source,
        )


ListParamsDep = Annotated[ListParams[EventQuery], Depends(list_params(service.SPEC, EventQuery))]
DetailParamsDep = Annotated[DetailParams, Depends(detail_params(service.SPEC))]


@router.get(
    "",
    response_model=Envelope[EventPublic],
    operation_id="listEvents",
    summary="List events",
    responses=list_responses(
        "A page of events (JSON), or every match as CSV, NDJSON or iCalendar.", calendar=True
    ),
)
async def list_events(request: Request, params: ListParamsDep) -> Response:
    """Signings, visits, summits, exercises and other events, in date order.

    Each event carries its date with precision, place, related records and citations.
    Filters combine with AND; repeated values of one filter with OR. A date range
    matches events whose span overlaps it.
    """
    filters = params.filters.filters(q=params.q, source=params.source)
    stamp = getattr(request.state, "data_stamp", "19700101T000000Z")

    def ics(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
        base = origin(request) + request.scope.get("root_path", "")
        return calendar_lines(batches, stamp=stamp, base_url=base)

    return await list_answer(
        request,
        service.SPEC,
        params,
        lambda session: service.filtered(session=session, filters=filters),
        renderers={Format.ics: ics},
    )


@router.get(
    "/{slug}",
    response_model=EventPublic,
    operation_id="getEvent",
    summary="Get one event",
    responses=DETAIL_RESPONSES,
)
async def get_event(
    request: Request,
    slug: Annotated[str, Path(description="Event slug.")],
    shape: DetailParamsDep,
) -> Response:
    """One event by its slug, with related records and citations."""
    return await detail_answer(request, service.SPEC, slug, shape)
