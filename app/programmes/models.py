"""Partnership frameworks and programmes, with their in-force spans and lineage."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.citations.models import CitationPublic
from app.core import base  # noqa: F401
from app.core.schemas import Ref
from app.core.spans import DateSpan, SpanColumns
from app.programmes.examples import EXAMPLE


class ProgrammeKind(StrEnum):
    declaration = "declaration"
    partnership_programme = "partnership_programme"
    nato_programme = "nato_programme"
    initiative = "initiative"
    trust_fund = "trust_fund"
    policy_document = "policy_document"


class Programme(SpanColumns, table=True):
    """In-force span in the span columns; a null `end_date` means still in force."""

    __tablename__ = "programme"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    name: str
    acronym: str | None = None
    kind: str = Field(index=True)
    description: str = Field(sa_type=Text)
    priority_areas: int | None = None
    open_ended: bool = False
    predecessor_id: int | None = Field(
        default=None, foreign_key="programme.id", index=True, ondelete="SET NULL"
    )
    # The public JSON of the record, rendered once by the loader (app.core.documents).
    document: str | None = Field(default=None, sa_type=Text)


class ProgrammeArea(SQLModel, table=True):
    __tablename__ = "programme_area"

    programme_id: int = Field(foreign_key="programme.id", primary_key=True, ondelete="CASCADE")
    area_id: int = Field(
        foreign_key="cooperation_area.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class ProgrammeOrganisation(SQLModel, table=True):
    __tablename__ = "programme_organisation"

    programme_id: int = Field(foreign_key="programme.id", primary_key=True, ondelete="CASCADE")
    organisation_id: int = Field(
        foreign_key="organisation.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class ProgrammePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    slug: str
    name: str
    acronym: str | None
    kind: ProgrammeKind
    description: str
    in_force: DateSpan | None
    priority_areas: int | None
    predecessor: Ref | None
    successors: list[Ref]
    areas: list[Ref]
    events: list[Ref]
    organisations: list[Ref]
    citations: list[CitationPublic]
