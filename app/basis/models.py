"""What each curated value rests on: the words its record cites, a reading of the
documents, or outside knowledge (docs/dataset.md, "Basis")."""

from pydantic import BaseModel, ConfigDict
from pydantic import Field as SchemaField
from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from app.core.models import BasisLevel


class FieldBasis(SQLModel, table=True):
    """The basis of one value of one record (of any kind: `kind` and `record_id` name
    it; the loader deletes a record's rows with it). Every value of a field that carries
    a basis has a row, `stated` ones too, so that a record's rows are its whole audit."""

    __tablename__ = "field_basis"
    __table_args__ = (Index("ix_field_basis_record", "kind", "record_id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    record_id: int
    field: str
    item: str | None = None  # the linked record's slug, for a link such as `areas`
    basis: str
    reason: str | None = Field(default=None, sa_type=Text)
    position: int = 0


class FieldBasisPublic(BaseModel):
    """What one value rests on."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "field": "areas",
                    "item": "political-dialogue",
                    "basis": "inferred",
                    "reason": "The event is listed under 004's heading 'Political dialogue'.",
                }
            ]
        }
    )

    field: str = SchemaField(
        description="The field: `date`, `in_force`, `place.name`, `place.country`, "
        "`speaker`, `speaker_organisation`, `speaker_role`, `acronym`, `country`, "
        "`priority_areas` or `areas`."
    )
    item: str | None = SchemaField(
        description="For a link (`areas`): the linked record's slug; null for a field."
    )
    basis: BasisLevel = SchemaField(
        description="`stated`: the record's cited evidence contains the value (checked by "
        "the loader). `inferred`: read from the documents, as `reason` says. `external`: "
        "outside knowledge, which `reason` names."
    )
    reason: str | None = SchemaField(
        description="The reasoning behind an inferred or external value; null when stated."
    )
