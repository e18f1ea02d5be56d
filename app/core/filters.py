"""Filter building blocks shared by the resources' services."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlmodel import Session

from app.citations.service import cited_by_source
from app.core.errors import InvalidParameter
from app.core.listing import FAR_FUTURE
from app.search.service import matching_record_ids
from app.sources.models import Source


@dataclass(frozen=True)
class DateRange:
    """Inclusive day bounds; either may be open."""

    start: date | None = None
    end: date | None = None

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None


def overlaps(start: Any, end: Any, span: DateRange) -> ColumnElement[bool]:
    """The record's span [start, end] overlaps `span`; a null end means still running."""
    conditions = [start.is_not(None)]
    if span.end is not None:
        conditions.append(start <= span.end)
    if span.start is not None:
        conditions.append(func.coalesce(end, FAR_FUTURE) >= span.start)
    return and_(*conditions)


def resolve_slugs(session: Session, table: Any, slugs: list[str], param: str) -> list[int]:
    """The ids of the named records; 422 naming any slug that matches nothing."""
    if not slugs:
        return []
    found = dict(session.execute(select(table.slug, table.id).where(table.slug.in_(slugs))).all())
    missing = [s for s in slugs if s not in found]
    if missing:
        raise InvalidParameter(f"query.{param}", f"no record with slug {', '.join(missing)}")
    return [found[s] for s in slugs]


def with_descendants(session: Session, table: Any, ids: list[int]) -> set[int]:
    """The given ids of a tree-shaped table and every id beneath them."""
    children: dict[int, list[int]] = defaultdict(list)
    for child, parent in session.execute(select(table.id, table.parent_id)).all():
        if parent is not None:
            children[parent].append(child)
    found, stack = set(ids), list(ids)
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def linked_to(
    query: Select[Any], table: Any, link: Any, own: str, other: str, ids: Any
) -> Select[Any]:
    """Rows of `table` linked through `link` to any of `ids`."""
    linked = select(getattr(link, own)).where(getattr(link, other).in_(ids))
    return query.where(table.id.in_(linked))


def apply_common(
    session: Session,
    query: Select[Any],
    *,
    kind: str,
    table: Any,
    q: str | None,
    source: str | None,
) -> Select[Any]:
    """The filters every list has: `q` (full-text search) and `source` (cited by)."""
    if source:
        resolve_slugs(session, Source, [source], "source")
        query = query.where(table.id.in_(cited_by_source(kind, source)))
    if q:
        query = query.where(table.id.in_(matching_record_ids(session, kind, q)))
    return query
