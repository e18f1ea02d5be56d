"""Partnership frameworks and programmes, with their in-force spans and lineage."""

from enum import StrEnum

from pydantic import BaseModel, Field
from sqlalchemy import Text
from sqlmodel import Field as ColumnField
from sqlmodel import SQLModel

from app.basis.models import FieldBasisPublic
from app.citations.models import CitationPublic
from app.core.dates import DateSpan, DatesQuery, PartialDate, SpanColumns
from app.core.models import SLUG_SCHEMA, Ref
from app.http.openapi import shown_as
from app.query.shapes import repeatable


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

    id: int | None = ColumnField(default=None, primary_key=True)
    slug: str = ColumnField(unique=True, index=True)
    name: str
    acronym: str | None = None
    kind: str = ColumnField(index=True)
    description: str = ColumnField(sa_type=Text)
    priority_areas: int | None = None
    open_ended: bool = False
    predecessor_id: int | None = ColumnField(
        default=None, foreign_key="programme.id", index=True, ondelete="SET NULL"
    )
    # The curators' note: what was decided about the record, and why.
    note: str | None = ColumnField(default=None, sa_type=Text)
    # The public JSON of the record, rendered once by the loader (app.query.documents).
    document: str | None = ColumnField(default=None, sa_type=Text)


class ProgrammeArea(SQLModel, table=True):
    __tablename__ = "programme_area"

    programme_id: int = ColumnField(
        foreign_key="programme.id", primary_key=True, ondelete="CASCADE"
    )
    area_id: int = ColumnField(
        foreign_key="cooperation_area.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class ProgrammeOrganisation(SQLModel, table=True):
    __tablename__ = "programme_organisation"

    programme_id: int = ColumnField(
        foreign_key="programme.id", primary_key=True, ondelete="CASCADE"
    )
    organisation_id: int = ColumnField(
        foreign_key="organisation.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class ProgrammePublic(BaseModel):
    model_config = shown_as("programme")

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
    basis: list[FieldBasisPublic]
    note: str | None
    citations: list[CitationPublic]


class ProgrammeQuery(DatesQuery):
    """The programmes list's own filters; `from`/`to` match the in-force span."""

    kind: list[ProgrammeKind] = repeatable("Programme kind. Repeatable.")
    area: list[str] = repeatable("Area slug; matches its sub-areas too. Repeatable.", SLUG_SCHEMA)
    in_force_on: PartialDate | None = Field(
        None,
        description="Programmes in force at some time in this day, month or year "
        "(`2021-01-01`, `2021-01`, `2021`): the same as `from` and `to` both set to it.",
        examples=["2021-01-01"],
    )
