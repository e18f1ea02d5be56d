"""The timeline's shapes: dated items grouped by year."""

from enum import StrEnum

from pydantic import BaseModel, Field

from app.core.dates import DateSpan
from app.core.models import (
    MAX_LIMIT,
    SLUG_SCHEMA,
    BasisLevel,
    basis_parameter,
    cursor_parameter,
    text_parameter,
)
from app.events.models import EventQuery
from app.http.openapi import shown_as


class ItemType(StrEnum):
    event = "event"
    programme_start = "programme_start"
    programme_end = "programme_end"


class TimelineItem(BaseModel):
    type: ItemType
    slug: str
    title: str
    kind: str
    date: DateSpan
    url: str


class TimelineYear(BaseModel):
    model_config = shown_as("timeline-year")

    year: int
    items: list[TimelineItem]


class TimelineQuery(EventQuery):
    """The events list's filters, and what the timeline adds."""

    milestones: bool = Field(
        True,
        description="Include programmes coming into force and ending. Event-only "
        "filters (kind, person, organisation, place, country) leave them out.",
    )
    q: str | None = text_parameter("Full-text search.", min_length=1)
    source: str | None = Field(
        None, description="Only records cited by this source.", json_schema_extra=SLUG_SCHEMA
    )
    basis: BasisLevel | None = basis_parameter()
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Items per page.")
    cursor: str | None = cursor_parameter()
