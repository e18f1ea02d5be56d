"""Events: signings, visits, summits, exercises, relief operations and the rest."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.citations.models import CitationPublic
from app.core import base  # noqa: F401
from app.core.schemas import Ref
from app.core.spans import DateSpan, SpanColumns
from app.events.examples import EXAMPLE


class EventKind(StrEnum):
    """What kind of thing happened."""

    signing = "signing"
    adoption = "adoption"
    visit = "visit"
    summit = "summit"
    ministerial_meeting = "ministerial_meeting"
    meeting = "meeting"
    talks = "talks"
    conference = "conference"
    symposium = "symposium"
    press_conference = "press_conference"
    speech = "speech"
    exercise = "exercise"
    training = "training"
    operation = "operation"
    relief_operation = "relief_operation"
    contribution = "contribution"
    pledge = "pledge"
    appointment = "appointment"
    accession = "accession"
    first_contact = "first_contact"
    disaster = "disaster"
    invasion = "invasion"


class Event(SpanColumns, table=True):
    __tablename__ = "event"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    title: str
    summary: str = Field(sa_type=Text)
    kind: str = Field(index=True)
    place_name: str | None = None
    place_country: str | None = Field(default=None, index=True)


class EventArea(SQLModel, table=True):
    __tablename__ = "event_area"

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    area_id: int = Field(
        foreign_key="cooperation_area.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class EventProgramme(SQLModel, table=True):
    __tablename__ = "event_programme"

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    programme_id: int = Field(
        foreign_key="programme.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class EventPerson(SQLModel, table=True):
    __tablename__ = "event_person"

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(
        foreign_key="person.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class EventOrganisation(SQLModel, table=True):
    __tablename__ = "event_organisation"

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    organisation_id: int = Field(
        foreign_key="organisation.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class Place(BaseModel):
    name: str | None
    country: str | None


class EventPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    slug: str
    title: str
    summary: str
    kind: EventKind
    date: DateSpan | None
    place: Place
    areas: list[Ref]
    programmes: list[Ref]
    people: list[Ref]
    organisations: list[Ref]
    quotes: list[Ref]
    citations: list[CitationPublic]
