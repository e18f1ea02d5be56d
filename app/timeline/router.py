"""HTTP route for the timeline."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import Field
from sqlmodel import Session

from app.core.db import read
from app.core.errors import problem_responses
from app.core.formats import negotiate
from app.core.pagination import MAX_LIMIT
from app.core.params import Format
from app.core.responses import page_response
from app.core.routes import QueryRoute
from app.core.schemas import Envelope
from app.events import service as events
from app.events.router import EventQuery
from app.programmes import service as programmes
from app.timeline import service
from app.timeline.models import TimelineYear

router = APIRouter(tags=["timeline"], route_class=QueryRoute)


class TimelineQuery(EventQuery):
    """The events list's filters, and what the timeline adds."""

    milestones: bool = Field(
        True,
        description="Include programmes coming into force and ending. Event-only "
        "filters (kind, person, organisation, place, country) leave them out.",
    )
    q: str | None = Field(None, min_length=1, description="Full-text search.")
    source: str | None = Field(None, description="Only records cited by this source.")
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Items per page.")
    cursor: str | None = Field(None, description="Opaque cursor of the next page.")


@router.get(
    "/v1/timeline",
    response_model=Envelope[TimelineYear],
    operation_id="getTimeline",
    summary="Timeline of events and programme milestones",
    responses=problem_responses(406, 422),
)
async def get_timeline(request: Request, query: Annotated[TimelineQuery, Query()]) -> Response:
    """Events and programme milestones in date order, grouped by year.

    Takes the events list's filters. A year's items continue on the next page when a
    page ends inside it. Undated events are not on the timeline.
    """
    negotiate(request, None, (Format.json,))
    q, source, limit = query.q, query.source, query.limit
    filters = query.filters(q=q, source=source)
    event_only = (
        filters.kind or filters.person or filters.organisation or filters.place or filters.country
    )

    def timeline(session: Session) -> service.TimelinePage:
        event_query = events.filtered(session=session, filters=filters)
        programme_query = None
        if query.milestones and not event_only:
            chosen = programmes.ProgrammeFilters(
                slug=filters.programme, area=filters.area, q=q, source=source
            )
            programme_query = programmes.filtered(session=session, filters=chosen)
        return service.timeline(
            session, event_query=event_query, programme_query=programme_query,
            dates=filters.dates, limit=limit, cursor=query.cursor,
        )  # fmt: skip

    page = await read(request, timeline, bounded=False)
    return page_response(
        request, page.years, limit=limit, next_cursor=page.next_cursor, returned=page.returned
    )
