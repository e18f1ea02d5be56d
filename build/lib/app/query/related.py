"""Batch loading of related records as references: one query per relation per page."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.core.models import Ref


def refs_by_id(
    session: Session, table: Any, ids: Iterable[int | None], name: str = "name"
) -> dict[int | None, Ref]:
    """References for the given ids of `table`, keyed by id (`.get(None)` is None: a
    reference that may be missing is read as it is)."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    query = select(table.id, table.slug, getattr(table, name)).where(table.id.in_(wanted))
    return {i: Ref(slug=slug, name=label) for i, slug, label in session.execute(query)}


def linked_refs(
    session: Session,
    link: Any,
    own: str,
    other: str,
    target: Any,
    owner_ids: Iterable[int],
    name: str = "name",
) -> dict[int, list[Ref]]:
    """For each owner id, the references it links to through `link`, ordered by name.
    With `target` as `link`, the records whose `own` column points at the owner (children,
    successors), read with no join."""
    ids = list(owner_ids)
    out: dict[int, list[Ref]] = defaultdict(list)
    if not ids:
        return out
    label = getattr(target, name)
    query = select(getattr(link, own), target.slug, label).where(getattr(link, own).in_(ids))
    if link is not target:
        query = query.join(target, target.id == getattr(link, other))
    query = query.order_by(label, target.slug)
    for owner, slug, text in session.execute(query):
        out[owner].append(Ref(slug=slug, name=text))
    return out
