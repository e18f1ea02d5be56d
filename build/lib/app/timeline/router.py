"""HTTP route for the timeline."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from app.core.db import DatabaseDep
from app.core.errors import problem_responses
from app.core.models import Envelope, Format
from app.http.openapi import query_parameters
from app.http.responses import accept, other_page
from app.query.params import QueryModel
from app.timeline import service
from app.timeline.models import TimelineQuery, TimelineYear

router = APIRouter(tags=["timeline"])
TIMELINE = QueryModel(TimelineQuery)


@router.get(
    "/v1/timeline",
    response_model=Envelope[TimelineYear],
    operation_id="getTimeline",
    summary="Timeline of events and programme milestones",
    responses=problem_responses(404, 406, 422, 503),
    openapi_extra=query_parameters(TIMELINE.model),
)
async def get_timeline(
    request: Request, query: Annotated[TimelineQuery, Depends(TIMELINE)], db: DatabaseDep
) -> Response:
    """Events and programme milestones in date order, grouped by year.

    Takes the events list's filters. A year's items continue on the next page when a
    page ends inside it. Undated events are not on the timeline.
    """
    accept(request, Format.json)
    years, next_cursor, returned = await db.read(
        lambda s: service.timeline(session=s, query=query), bounded=False
    )
    return other_page(request, years, limit=query.limit, next_cursor=next_cursor, returned=returned)
