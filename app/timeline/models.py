"""The timeline's shapes: dated items grouped by year."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from app.core.spans import DateSpan


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
