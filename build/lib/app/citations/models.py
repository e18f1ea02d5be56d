"""Citations: the exact words of a source that support a record, with offsets."""

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict
from pydantic import Field as SchemaField
from sqlalchemy import CheckConstraint, Text
from sqlmodel import Field, SQLModel

from app.core.models import metadata  # noqa: F401  (naming convention before any table)

# The record kinds a citation can support, each with its own nullable foreign key (a
# source's citations filter by them).
CitedKind = Literal["event", "programme", "area", "quote", "person", "organisation"]
CITED_KINDS: tuple[str, ...] = get_args(CitedKind)
_EXACTLY_ONE = " + ".join(f"(CASE WHEN {k}_id IS NULL THEN 0 ELSE 1 END)" for k in CITED_KINDS)


class Citation(SQLModel, table=True):
    __tablename__ = "citation"
    __table_args__ = (
        CheckConstraint(f"{_EXACTLY_ONE} = 1", name="one_subject"),
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="offsets"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    evidence: str = Field(sa_type=Text)
    start_offset: int
    end_offset: int
    position: int = 0
    event_id: int | None = Field(
        default=None, foreign_key="event.id", index=True, ondelete="CASCADE"
    )
    programme_id: int | None = Field(
        default=None, foreign_key="programme.id", index=True, ondelete="CASCADE"
    )
    area_id: int | None = Field(
        default=None, foreign_key="cooperation_area.id", index=True, ondelete="CASCADE"
    )
    quote_id: int | None = Field(
        default=None, foreign_key="quote.id", index=True, ondelete="CASCADE"
    )
    person_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="CASCADE"
    )
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="CASCADE"
    )


class CitationPublic(BaseModel):
    """Where a fact is stated: `source.text[start:end] == evidence`."""

    source: str
    evidence: str
    start: int
    end: int


class CitedRecord(BaseModel):
    type: str = SchemaField(description="event, programme, area, quote, person or organisation.")
    slug: str
    name: str


class CitationInSource(BaseModel):
    """A citation seen from its source: which record it supports, and where."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "record": {"type": "person", "slug": "shinzo-abe", "name": "Shinzo Abe"},
                    "evidence": "Anders Fogh Rasmussen and Japanes Prime Minister Shinzo Abe",
                    "start": 93,
                    "end": 152,
                }
            ]
        }
    )

    record: CitedRecord
    evidence: str
    start: int
    end: int


class CitationInContext(CitationPublic):
    """A citation as `include=citations` gives it: with its source's title and the text
    around the evidence."""

    source_title: str
    context_before: str = SchemaField(description="Up to 80 characters before `start`.")
    context_after: str = SchemaField(description="Up to 80 characters after `end`.")
