"""Sparse fieldsets (`fields=`) and embedded related records (`include=`)."""

import importlib
import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from app.core.documents import by_slug, loaded
from app.core.listing import Include, ListSpec


def embed(field: str, service: str) -> Include:
    """An include that replaces the reference(s) in `field` by full records.

    `service` names the module whose `SPEC` lists them; it is imported when first used,
    because resources embed each other (events embed quotes and vice versa).
    """

    def load(session: Session, slugs: list[str]) -> dict[str, dict[str, Any]]:
        spec = importlib.import_module(service).SPEC
        return loaded(by_slug(session, spec, slugs))

    return Include(field=field, load=load)


def needs_shaping(fields: list[str] | None, include: list[str]) -> bool:
    return bool(fields or include)


def shape(
    session: Session,
    spec: ListSpec,
    documents: Sequence[str | bytes],
    *,
    fields: list[str] | None,
    include: list[str],
) -> list[dict[str, Any]]:
    """Records as dicts, with embeds applied and only the chosen fields."""
    dicts = [json.loads(doc) for doc in documents]
    for name in include:
        _apply(session, spec.includes[name], dicts)
    if fields:
        keep = {"slug", *fields}
        dicts = [{k: v for k, v in d.items() if k in keep} for d in dicts]
    return dicts


def _refs(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [ref for ref in value if isinstance(ref, dict) and "slug" in ref]
    return [value] if isinstance(value, dict) and "slug" in value else []


def _apply(session: Session, include: Include, dicts: list[dict[str, Any]]) -> None:
    if include.apply is not None:
        include.apply(session, dicts)
        return
    assert include.load is not None
    slugs = sorted({ref["slug"] for record in dicts for ref in _refs(record.get(include.field))})
    full = include.load(session, slugs)
    for record in dicts:
        value = record.get(include.field)
        if isinstance(value, list):
            record[include.field] = [full.get(ref["slug"], ref) for ref in value]
        elif isinstance(value, dict) and "slug" in value:
            record[include.field] = full.get(value["slug"], value)
