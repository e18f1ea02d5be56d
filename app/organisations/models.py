"""Named bodies: NATO and its parts, governments, ministries, forces, media."""

from enum import StrEnum

from pydantic import BaseModel
from pydantic import Field as SchemaField
from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.basis.models import FieldBasisPublic
from app.citations.models import CitationPublic
from app.core.models import SLUG_SCHEMA, Ref, text_parameter
from app.http.openapi import shown_as
from app.query.shapes import repeatable


class OrganisationKind(StrEnum):
    international_organisation = "international_organisation"
    union = "union"
    grouping = "grouping"
    state = "state"
    government = "government"
    ministry = "ministry"
    legislature = "legislature"
    armed_forces = "armed_forces"
    command = "command"
    division = "division"
    agency = "agency"
    mission = "mission"
    centre_of_excellence = "centre_of_excellence"
    education_institution = "education_institution"
    media = "media"
    club = "club"


class Organisation(SQLModel, table=True):
    __tablename__ = "organisation"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    name: str
    acronym: str | None = None
    kind: str = Field(index=True)
    country: str | None = None
    parent_id: int | None = Field(default=None, foreign_key="organisation.id", ondelete="SET NULL")
    # The curators' note: what was decided about the record, and why.
    note: str | None = Field(default=None, sa_type=Text)
    # The public JSON of the record, rendered once by the loader (app.query.documents).
    document: str | None = Field(default=None, sa_type=Text)


class OrganisationPublic(BaseModel):
    model_config = shown_as("organisation")

    slug: str
    name: str
    acronym: str | None
    kind: OrganisationKind
    country: str | None
    parent: Ref | None
    children: list[Ref]
    basis: list[FieldBasisPublic]
    note: str | None
    citations: list[CitationPublic]


class OrganisationQuery(BaseModel):
    """The organisations list's own filters."""

    kind: list[OrganisationKind] = repeatable("Organisation kind. Repeatable.")
    parent: str | None = SchemaField(
        None, description="Only the direct parts of this body.", json_schema_extra=SLUG_SCHEMA
    )
    country: str | None = text_parameter("Country, any case.")
