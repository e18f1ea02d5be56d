"""Quotations: who said what, when and where, in the source's exact words."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.citations.models import CitationPublic
from app.core import base  # noqa: F401
from app.core.schemas import Ref
from app.core.spans import DateSpan, SpanColumns
from app.quotes.examples import EXAMPLE


class QuoteMode(StrEnum):
    """`direct`: the speaker's own words; `reported`: indirect speech attributed to them."""

    direct = "direct"
    reported = "reported"


class Quote(SpanColumns, table=True):
    __tablename__ = "quote"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    text: str = Field(sa_type=Text)
    mode: str = Field(index=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    text_start: int
    text_end: int
    speaker_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="SET NULL"
    )
    speaker_organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    speaker_role: str | None = None
    event_id: int | None = Field(
        default=None, foreign_key="event.id", index=True, ondelete="SET NULL"
    )


class QuoteArea(SQLModel, table=True):
    __tablename__ = "quote_area"

    quote_id: int = Field(foreign_key="quote.id", primary_key=True, ondelete="CASCADE")
    area_id: int = Field(
        foreign_key="cooperation_area.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class QuotePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    slug: str
    text: str
    mode: QuoteMode
    speaker: Ref | None
    speaker_organisation: Ref | None
    speaker_role: str | None
    date: DateSpan | None
    event: Ref | None
    source: Ref
    text_start: int
    text_end: int
    areas: list[Ref]
    citations: list[CitationPublic]


def quote_label(text: str, width: int = 80) -> str:
    """A quote's name in references: its opening words."""
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
