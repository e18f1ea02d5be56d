"""The cooperation-area taxonomy, with every spelling the documents use."""

from pydantic import BaseModel, Field
from sqlalchemy import JSON, Text
from sqlmodel import Field as ColumnField
from sqlmodel import SQLModel

from app.citations.models import CitationPublic
from app.core.models import SLUG_SCHEMA, Ref
from app.http.openapi import shown_as


class CooperationArea(SQLModel, table=True):
    __tablename__ = "cooperation_area"

    id: int | None = ColumnField(default=None, primary_key=True)
    slug: str = ColumnField(unique=True, index=True)
    name: str
    description: str = ColumnField(sa_type=Text)
    aliases: list[str] = ColumnField(default_factory=list, sa_type=JSON)
    parent_id: int | None = ColumnField(
        default=None, foreign_key="cooperation_area.id", index=True, ondelete="SET NULL"
    )
    # The curators' note: what was decided about the record, and why.
    note: str | None = ColumnField(default=None, sa_type=Text)
    # The public JSON of the record, rendered once by the loader (app.query.documents).
    document: str | None = ColumnField(default=None, sa_type=Text)


class AreaCounts(BaseModel):
    """Records linked to the area or to any of its sub-areas (as the `area=` filters match)."""

    events: int
    programmes: int
    quotes: int


class AreaPublic(BaseModel):
    model_config = shown_as("area")

    slug: str
    name: str
    aliases: list[str]
    description: str
    parent: Ref | None
    children: list[Ref]
    counts: AreaCounts
    note: str | None
    citations: list[CitationPublic]


class AreaQuery(BaseModel):
    """The areas list's own filters."""

    parent: str | None = Field(
        None, description="Only the direct sub-areas of this area.", json_schema_extra=SLUG_SCHEMA
    )
    top_level: bool = Field(False, description="Only areas without a parent.")
