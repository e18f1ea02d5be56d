"""The shape of each curated YAML record; unknown fields are rejected, not ignored."""

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from app.core.dates import parse_partial
from app.core.models import SLUG, SLUG_MAX_LENGTH
from app.events.models import EventKind
from app.organisations.models import OrganisationKind
from app.programmes.models import ProgrammeKind
from app.quotes.models import QuoteMode
from app.sources.models import SourceKind

Slug = Field(pattern=SLUG, max_length=SLUG_MAX_LENGTH)
# `formerly:` the slugs a record was known by: their addresses redirect to it, and a
# record of the database that one of them names becomes this record (renamed or merged).
FormerSlugs = list[Annotated[str, StringConstraints(pattern=SLUG, max_length=SLUG_MAX_LENGTH)]]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Curated(_Record):
    # Set by `python -m seeds draft` on every record it proposes; the loader refuses such
    # a record until a curator has reviewed it and removed the mark.
    draft: bool = False


class CitationIn(_Record):
    source: str = Slug
    evidence: str = Field(min_length=1)


class DateIn(_Record):
    start: str
    end: str | None = None
    approximate: bool = False
    label: str | None = None
    note: str | None = None
    open_ended: bool = False

    @field_validator("start", "end")
    @classmethod
    def _partial_iso(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial(value)
        return value


def _coerce_date(value: object) -> object:
    # A bare "2013-04-15" is shorthand for {start: "2013-04-15"}; YAML may hand us a date.
    if value is None or isinstance(value, dict):
        return value
    return {"start": str(value)}


class BasisIn(_Record):
    """What a value rests on. Written `stated`, `inferred` or `external` alone (a date's
    reasoning is then its note), or `{inferred: "the reasoning"}`."""

    basis: Literal["stated", "inferred", "external"]
    reason: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, value: object) -> object:
        if isinstance(value, str):
            return {"basis": value}
        if isinstance(value, dict) and len(value) == 1 and "basis" not in value:
            ((basis, reason),) = value.items()
            return {"basis": basis, "reason": reason}
        return value


class _Cited(_Curated):
    slug: str = Slug
    formerly: FormerSlugs = Field(default_factory=list)
    citations: list[CitationIn] = Field(min_length=1)
    # field (`date`, `place.country`, `areas.<slug>`…) → what its value rests on; a field
    # not named here must be stated by the record's evidence (seeds/basis.py).
    basis: dict[str, BasisIn] = Field(default_factory=dict)
    # The curators' note: what was decided about this record, and why.
    note: str | None = None


class SourceIn(_Curated):
    slug: str = Slug
    formerly: FormerSlugs = Field(default_factory=list)
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str
    publisher: str | None = None
    published: str | None = None
    kind: SourceKind
    url: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: object) -> object:
        if value is None:
            return None
        parse_partial(str(value))
        return str(value)


class AreaIn(_Cited):
    name: str
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = None
    description: str


class OrganisationIn(_Cited):
    name: str
    acronym: str | None = None
    kind: OrganisationKind
    country: str | None = None
    parent: str | None = None


class RoleIn(_Record):
    title: str
    organisation: str | None = None


class PersonIn(_Cited):
    name: str
    country: str | None = None
    roles: list[RoleIn] = Field(default_factory=list)


class _Dated(_Cited):
    date: DateIn | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        return _coerce_date(value)


class ProgrammeIn(_Cited):
    name: str
    acronym: str | None = None
    kind: ProgrammeKind
    description: str
    in_force: DateIn | None = None
    priority_areas: int | None = Field(default=None, ge=1)
    predecessor: str | None = None
    areas: list[str] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)

    @field_validator("in_force", mode="before")
    @classmethod
    def _in_force(cls, value: object) -> object:
        return _coerce_date(value)


class PlaceIn(_Record):
    name: str | None = None
    country: str | None = None


class EventIn(_Dated):
    title: str
    summary: str
    kind: EventKind
    place: PlaceIn = Field(default_factory=PlaceIn)
    areas: list[str] = Field(default_factory=list)
    programmes: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)


class QuoteIn(_Dated):
    text: str = Field(min_length=1)
    source: str = Slug
    speaker: str | None = None
    speaker_organisation: str | None = None
    speaker_role: str | None = None
    mode: QuoteMode = QuoteMode.direct
    event: str | None = None
    areas: list[str] = Field(default_factory=list)
    citations: list[CitationIn] = Field(default_factory=list)  # the text itself is one


def slug_like(value: str) -> bool:
    return re.match(SLUG, value) is not None
