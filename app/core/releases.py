"""The dataset's history, written by the seed loader: each release it made, every record
each one changed, and the slugs records were known by before, so that an old address
still leads somewhere (a redirect) or says what became of it (gone, and since when)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, or_, select
from sqlmodel import Field, Session, SQLModel, col

from app.core.models import metadata  # noqa: F401  (constraint names before any table)


class Release(SQLModel, table=True):
    """One seed run that changed the data. Never rewritten."""

    __tablename__ = "release"

    number: int = Field(primary_key=True)  # 1, 2, 3… in the order they were made
    version: str = Field(unique=True)  # the dataset version, as ETags and meta name it
    made_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    counts: dict[str, int] = Field(default_factory=dict, sa_type=JSON)  # records per type
    summary: dict[str, int] = Field(default_factory=dict, sa_type=JSON)  # changes per action

    @property
    def made_at_utc(self) -> datetime:
        """`made_at` with its zone: SQLite keeps none, and every release is made in UTC."""
        return self.made_at if self.made_at.tzinfo else self.made_at.replace(tzinfo=UTC)


class Change(SQLModel, table=True):
    """One record changed by a release; `id` is the change feed's order."""

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_kind_slug", "kind", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    release: int = Field(foreign_key="release.number", index=True)
    kind: str
    slug: str
    action: str  # created, updated, renamed or deleted
    fields: list[str] | None = Field(default=None, sa_type=JSON)  # top-level: updated, renamed
    formerly: str | None = Field(default=None, index=True)  # the old slug, when renamed


class FormerSlug(SQLModel, table=True):
    """A slug a record was known by: declared in the curated `formerly:`, and kept through
    later renames of its record until the record goes or another takes the slug."""

    __tablename__ = "former_slug"

    record_table: str = Field(primary_key=True)
    slug: str = Field(primary_key=True)
    current: str


MAX_RENAMES = 20  # how far a slug's history is followed through renames


@dataclass(frozen=True)
class Whereabouts:
    """What became of a slug that names no record now: `moved_to` another slug (the same
    record, renamed or merged), or gone (`gone_in` a release, and `how`)."""

    moved_to: str | None = None
    gone_in: Release | None = None
    how: str = ""  # "deleted", or how it came to be deleted


def current_slugs(session: Session, table: Any, slugs: list[str]) -> dict[str, str]:
    """Of `slugs` (of records of `table`), those that are former slugs, and their current."""
    query = select(col(FormerSlug.slug), col(FormerSlug.current)).where(
        col(FormerSlug.record_table) == table.__tablename__, col(FormerSlug.slug).in_(slugs)
    )
    return {old: new for old, new in session.execute(query).all()}


def whereabouts(session: Session, kind: str, table: Any, slug: str) -> Whereabouts | None:
    """Where a record that `slug` no longer names went; None if no record ever had it.
    A former slug leads to its record; else the history is followed through renames to
    the record's fate: alive under another slug, or deleted by a release."""
    moved = current_slugs(session, table, [slug]).get(slug)
    if moved is not None:
        return Whereabouts(moved_to=moved)
    at = slug
    for _ in range(MAX_RENAMES):
        last = session.execute(
            select(Change, Release)
            .join(Release, col(Release.number) == col(Change.release))
            .where(
                col(Change.kind) == kind, or_(col(Change.slug) == at, col(Change.formerly) == at)
            )
            .order_by(col(Change.id).desc())
            .limit(1)
        ).first()
        if last is None:
            return None
        change, release = last
        if change.action == "deleted":
            how = "deleted" if at == slug else f"renamed to {at!r}, which was deleted"
            return Whereabouts(gone_in=release, how=how)
        if change.formerly != at:  # the record lives on as `at`
            return None if at == slug else Whereabouts(moved_to=at)
        at = change.slug
    return None
