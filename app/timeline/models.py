"""The timeline's shapes: dated items grouped by year."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.core.dates import DateSpan
from app.core.models import MAX_LIMIT, Q_MAX_LENGTH
from app.events.models import EventQuery


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
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "year": 2014,
                    "items": [
                        {
                            "type": "event",
                            "slug": "ipcp-signing-2014",
                            "title": "Japan and NATO sign the Individual Partnership and "
                            "Cooperation Program",
                            "kind": "signing",
                            "date": {
                                "start": "2014-05-06",
                                "end": "2014-05-06",
                                "start_precision": "day",
                                "end_precision": "day",
                                "earliest": "2014-05-06",
                                "latest": "2014-05-06",
                                "label": None,
                                "note": "001 says 'agreed Tuesday in Brussels'; resolved from "
                                "its dateline, Wednesday, May 7, 2014.",
                            },
                            "url": "/v1/events/ipcp-signing-2014",
                        }
                    ],
                }
            ]
        }
    )

    year: int
    items: list[TimelineItem]


class TimelineQuery(EventQuery):
    """The events list's filters, and what the timeline adds."""

    milestones: bool = Field(
        True,
        description="Include programmes coming into force and ending. Event-only "
        "filters (kind, person, organisation, place, country) leave them out.",
    )
    q: str | None = Field(
        None, min_length=1, max_length=Q_MAX_LENGTH, description="Full-text search."
    )
    source: str | None = Field(None, description="Only records cited by this source.")
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Items per page.")
    cursor: str | None = Field(None, description="Opaque cursor of the next page.")
