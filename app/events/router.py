"""HTTP routes for events."""

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.models import Envelope, Format, slug_in_path
from app.events import service
from app.events.calendar import calendar_lines
from app.events.models import EventPublic, EventQuery
from app.http.links import origin
from app.http.openapi import query_parameters
from app.http.operations import DETAIL_RESPONSES, export_format, export_responses, list_responses
from app.http.responses import export_answer, list_answer, record_answer
from app.query.documents import DetailParameters
from app.query.params import ListParameters
from app.query.shapes import Page, Shape

router = APIRouter(prefix="/v1/events", tags=["events"])
LIST = ListParameters(service.RESOURCE, EventQuery)
DETAIL = DetailParameters(service.RESOURCE)


@router.get(
    "",
    response_model=Envelope[EventPublic],
    operation_id="listEvents",
    summary="List events",
    responses=list_responses("A page of events."),
    openapi_extra=query_parameters(LIST.model),
)
async def list_events(
    request: Request, page: Annotated[Page[EventQuery], Depends(LIST)], db: DatabaseDep
) -> Response:
    """Signings, visits, summits, exercises and other events, in date order.

    Each event carries its date with precision, place, related records and citations.
    Filters combine with AND; repeated values of one filter with OR. A date range
    matches events whose span overlaps it.
    """
    return await list_answer(request, db, page, service.list_events)


@router.get(
    ".{format}",
    response_class=Response,
    operation_id="exportEvents",
    summary="Export events",
    responses=export_responses(service.RESOURCE.formats),
    openapi_extra=query_parameters(LIST.model),
)
async def export_events(
    request: Request,
    fmt: Annotated[str, export_format(service.RESOURCE.formats)],
    page: Annotated[Page[EventQuery], Depends(LIST)],
    db: DatabaseDep,
) -> Response:
    """Every event matching the filters, as CSV, NDJSON or iCalendar (the same parameters
    as the list); with `limit=`, one page of them and a `Link` header to the next."""
    return await export_answer(
        request,
        db,
        page,
        service.RESOURCE,
        service.list_events,
        service.export_events,
        Format(fmt),
        renderer=_calendar(request),
    )


def _calendar(request: Request) -> Any:
    """The iCalendar renderer of this request: stamped with the data version's date, with
    links to where the events are served."""

    def render(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
        stamp = getattr(request.state, "data_stamp", "19700101T000000Z")
        base = origin(request) + request.scope.get("root_path", "")
        return calendar_lines(batches, stamp=stamp, base_url=base)

    return render


@router.get(
    "/{slug}",
    response_model=EventPublic,
    operation_id="getEvent",
    summary="Get one event",
    responses=DETAIL_RESPONSES,
    openapi_extra=query_parameters(DETAIL.model),
)
async def get_event(
    request: Request,
    slug: Annotated[str, slug_in_path("Event")],
    shape: Annotated[Shape, Depends(DETAIL)],
    db: DatabaseDep,
) -> Response:
    """One event by its slug, with related records and citations."""
    return await record_answer(request, db, service.RESOURCE, service.get_event, slug, shape)
