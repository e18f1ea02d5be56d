"""The seeded dataset's version: what readiness and HTTP caching key on."""

from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from app.core import base  # noqa: F401


class DatasetVersion(SQLModel, table=True):
    """One row, written by the seed loader in the same transaction as the data."""

    __tablename__ = "dataset_version"

    id: int = Field(default=1, primary_key=True)
    version: str = Field(description="SHA-256 over the seed files' bytes.")
    seeded_at: datetime
    counts: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    # Which rendering of the public JSON and the search index the stored documents have.
    render_version: str | None = None
