"""The timeline's shapes: dated items grouped by year."""

from enum import StrEnum

from pydantic import BaseModel

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
    year: int
    items: list[TimelineItem]
