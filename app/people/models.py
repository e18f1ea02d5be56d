"""Named people and the roles the documents give them."""

from pydantic import BaseModel
from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.basis.models import FieldBasisPublic
from app.citations.models import CitationPublic
from app.core.models import SLUG_SCHEMA, Ref, text_parameter
from app.http.openapi import shown_as
from app.query.shapes import repeatable


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    name: str
    country: str | None = None
    # The curators' note: what was decided about the record, and why.
    note: str | None = Field(default=None, sa_type=Text)
    # The public JSON of the record, rendered once by the loader (app.query.documents).
    document: str | None = Field(default=None, sa_type=Text)


class PersonRole(SQLModel, table=True):
    """A role as stated in a document, optionally within an organisation."""

    __tablename__ = "person_role"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    title: str
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    position: int = 0


class RolePublic(BaseModel):
    title: str
    organisation: Ref | None


class PersonPublic(BaseModel):
    model_config = shown_as("person")

    slug: str
    name: str
    country: str | None
    roles: list[RolePublic]
    basis: list[FieldBasisPublic]
    note: str | None
    citations: list[CitationPublic]


class PersonQuery(BaseModel):
    """The people list's own filters."""

    organisation: list[str] = repeatable(
        "People holding a role in this organisation (slug). Repeatable.", SLUG_SCHEMA
    )
    country: str | None = text_parameter("Country, any case.")
