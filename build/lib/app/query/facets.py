"""Facets: counts per value over every record the current filters match."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.core.models import Facet, Resource


def facet_counts(
    session: Session, resource: Resource, query: Select[Any], names: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Counts per value of each requested facet, over every record `query` matches."""
    ids = query.with_only_columns(resource.table.id).scalar_subquery()
    out = {}
    for name in names:  # each checked already (`ListParameters`)
        counts = resource.facets[name](session, ids)
        ordered = sorted(counts, key=lambda vc: (-vc[1], str(vc[0])))
        out[name] = [{"value": value, "count": n} for value, n in ordered]
    return out


def column_facet(column: Any) -> Facet:
    """Facet on a column of the listed table."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        table = column.class_
        query = select(column, func.count()).where(table.id.in_(ids)).group_by(column)
        return [(v, n) for v, n in session.execute(query).all()]

    return count


def year_facet(column: Any) -> Facet:
    """Facet on the year of a date column (undated records count under null)."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        table = column.class_
        year = func.extract("year", column)
        query = select(year, func.count()).where(table.id.in_(ids)).group_by(year)
        return [(int(v) if v is not None else None, n) for v, n in session.execute(query).all()]

    return count


def link_facet(link: Any, own: str, other: str, target: Any) -> Facet:
    """Facet on the records linked through `link` (e.g. an event's areas), by slug."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        query = (
            select(target.slug, func.count())
            .join(link, getattr(link, other) == target.id)
            .where(getattr(link, own).in_(ids))
            .group_by(target.slug)
        )
        return [(v, n) for v, n in session.execute(query).all()]

    return count


def fk_facet(column: Any, target: Any) -> Facet:
    """Facet on a foreign key of the listed table, by the target's slug (null when unset)."""

    def count(session: Session, ids: Any) -> list[tuple[Any, int]]:
        table = column.class_
        # An alias, because the target may be the listed table itself (an area's parent).
        other = aliased(target)
        query = (
            select(other.slug, func.count())
            .select_from(table)
            .outerjoin(other, other.id == column)
            .where(table.id.in_(ids))
            .group_by(other.slug)
        )
        return [(v, n) for v, n in session.execute(query).all()]

    return count
