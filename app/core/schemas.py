"""Public shapes shared by every resource: references and the list envelope."""

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Ref(BaseModel):
    """A related record, named by its public slug."""

    slug: str
    name: str


class ListMeta(BaseModel):
    limit: int | None = Field(default=None, description="Page size used for this page.")
    next_cursor: str | None = Field(default=None, description="Opaque cursor of the next page.")
    count: int | None = Field(default=None, description="Exact total, when `count=true`.")
    returned: int = Field(description="Number of records in `data`.")
    data_version: str | None = Field(default=None, description="Version of the seeded dataset.")
    facets: dict[str, Any] | None = None


class ListLinks(BaseModel):
    self: str
    next: str | None = None


class Envelope(BaseModel, Generic[T]):
    """The list envelope: records in `data`, paging facts in `meta` and `links`."""

    data: list[T]
    meta: ListMeta
    links: ListLinks
