"""Sparse fieldsets (`fields=`) and embedded related records (`include=`)."""

import importlib
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlmodel import Session

from app.core.listing import Include, ListSpec


def embed(field: str, service: str) -> Include:
    """An include that replaces the reference(s) in `field` by full records.

    `service` names the module whose `get_many` loads them; it is imported when first
    used, because resources embed each other (events embed quotes and vice versa).
    """

    def load(session: Session, slugs: list[str]) -> dict[str, BaseModel]:
        module = importlib.import_module(service)
        return module.get_many(session, slugs)  # type: ignore[no-any-return]

    return Include(field=field, load=load)


def load_by_slugs(
    session: Session,
    table: Any,
    hydrate: Callable[[Session, list[Any]], list[Any]],
    slugs: list[str],
) -> dict[str, BaseModel]:
    """Public records of `table` by slug, for embedding."""
    if not slugs:
        return {}
    rows = list(session.execute(select(table).where(table.slug.in_(slugs))).scalars())
    return {record.slug: record for record in hydrate(session, rows)}


def shape(
    session: Session,
    spec: ListSpec,
    records: list[BaseModel],
    *,
    fields: list[str] | None,
    include: list[str],
) -> list[dict[str, Any]]:
    """Records as JSON-ready dicts, with embeds applied and only the chosen fields."""
    dicts = [r.model_dump(mode="json") for r in records]
    for name in include:
        _apply(session, spec.includes[name], dicts)
    if fields:
        keep = {"slug", *fields}
        dicts = [{k: v for k, v in d.items() if k in keep} for d in dicts]
    return dicts


def _apply(session: Session, include: Include, dicts: list[dict[str, Any]]) -> None:
    if include.apply is not None:
        include.apply(session, dicts)
        return
    assert include.load is not None
    slugs: set[str] = set()
    for record in dicts:
        value = record.get(include.field)
        if isinstance(value, list):
            slugs.update(ref["slug"] for ref in value if isinstance(ref, dict) and "slug" in ref)
        elif isinstance(value, dict) and "slug" in value:
            slugs.add(value["slug"])
    full = {
        slug: model.model_dump(mode="json")
        for slug, model in include.load(session, sorted(slugs)).items()
    }
    swap: Callable[[Any], Any] = lambda ref: full.get(ref["slug"], ref)  # noqa: E731
    for record in dicts:
        value = record.get(include.field)
        if isinstance(value, list):
            record[include.field] = [swap(ref) for ref in value]
        elif isinstance(value, dict) and "slug" in value:
            record[include.field] = swap(value)
