"""Source documents: the verbatim texts every citation points into."""

from datetime import date
from enum import StrEnum

from pydantic import BaseModel
from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.citations.models import CitedKind
from app.core.models import metadata  # noqa: F401  (constraint names before any table)
from app.http.openapi import shown_as
from app.query.shapes import repeatable


class SourceKind(StrEnum):
    nato_news = "nato_news"
    news_article = "news_article"
    blog_repost = "blog_repost"
    speech_excerpts = "speech_excerpts"
    topic_page = "topic_page"


class Source(SQLModel, table=True):
    __tablename__ = "source"

    slug: str = Field(unique=True, index=True)
    title: str
    publisher: str | None = None
    published_date: date | None = None
    published_precision: str | None = None
    kind: str = Field(index=True)
    file_name: str
    url: str | None = None
    sha256: str
    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_type=Text)
    # The public JSON of the record, rendered once by the loader (app.query.documents).
    document: str | None = Field(default=None, sa_type=Text)


class SourcePublic(BaseModel):
    model_config = shown_as("source", without=("text",))

    slug: str
    title: str
    publisher: str | None
    published: str | None
    kind: SourceKind
    file_name: str
    url: str | None
    sha256: str
    length: int
    citation_count: int


class SourceDetail(SourcePublic):
    model_config = shown_as("source")

    text: str


class SourceQuery(BaseModel):
    """The sources list's own filters."""

    kind: list[SourceKind] = repeatable("Source kind. Repeatable.")


class CitationQuery(BaseModel):
    """The filters of a source's citations."""

    type: list[CitedKind] = repeatable("Only citations of these record types. Repeatable.")
