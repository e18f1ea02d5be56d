"""The search index: one document per record, searched by FTS5 or tsvector."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field as ColumnField
from sqlmodel import SQLModel

from app.core.models import Envelope


class SearchDocument(SQLModel, table=True):
    """A record's searchable text, in normalised spelling; rebuilt by the seed loader."""

    __tablename__ = "search_document"
    __table_args__ = (UniqueConstraint("kind", "record_id"),)

    id: int | None = ColumnField(default=None, primary_key=True)
    kind: str = ColumnField(index=True)
    record_id: int
    slug: str
    title: str
    body: str = ColumnField(sa_type=Text)
    # The same text in normalised spelling: what FTS5 and the tsvector index.
    title_terms: str
    body_terms: str = ColumnField(sa_type=Text)


class SearchHit(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "area",
                    "slug": "cyber-defence",
                    "title": "Cyber defence",
                    "snippet": "<mark>cyber</mark> <mark>defence</mark>\n<mark>cyber</mark> "
                    "<mark>defense</mark>…",
                    "rank": 7.52,
                    "url": "/v1/areas/cyber-defence",
                }
            ]
        }
    )

    type: str = Field(description="The resource: event, programme, area, quote, person, ...")
    slug: str
    title: str
    snippet: str = Field(description="Matching passage; matches wrapped in <mark>…</mark>.")
    rank: float = Field(description="Relevance; higher is better. Comparable within one query.")
    url: str = Field(description="Path of the record.")


def include_in_autogenerate(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic filter: leave to the migration 0002_search_index what it creates per dialect,
    not from the models: SQLite's FTS5 table (and the shadow tables FTS5 makes) and
    PostgreSQL's generated tsvector column with its GIN index."""
    if type_ == "table":
        return not (name or "").startswith("search_fts")
    if type_ == "column":
        return (getattr(obj.table, "name", None), name) != ("search_document", "tsv")
    return not (type_ == "index" and name == "ix_search_document_tsv")


class SearchResults(Envelope[SearchHit]):
    """Hits in `data`, best first; `meta` and `links` as on every list."""
