"""Queries over citations."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select
from sqlmodel import Session

from app.citations.models import Citation, CitationInContext, CitationPublic
from app.core.models import Include
from app.query.lists import resolve_slugs
from app.search.service import matching_record_ids
from app.sources.models import Source


def citations_for(
    session: Session, kind: str, owner_ids: Iterable[int]
) -> dict[int, list[CitationPublic]]:
    """The citations of each record of `kind`, in curated order."""
    ids = list(owner_ids)
    out: dict[int, list[CitationPublic]] = defaultdict(list)
    if not ids:
        return out
    owner = getattr(Citation, f"{kind}_id")
    query = (
        select(owner, Source.slug, Citation.evidence, Citation.start_offset, Citation.end_offset)
        .join(Source, Source.id == Citation.source_id)
        .where(owner.in_(ids))
        .order_by(owner, Citation.position)
    )
    for owner_id, source, evidence, start, end in session.execute(query):
        out[owner_id].append(CitationPublic(source=source, evidence=evidence, start=start, end=end))
    return out


def cited_by(session: Session, kind: str, slug: str) -> Select[Any]:
    """The ids of the records of `kind` that the source `slug` cites (for `IN`); 422
    when there is no such source."""
    source_id = resolve_slugs(session, Source, [slug], "source")[0]
    owner = getattr(Citation, f"{kind}_id")
    return select(owner).where(Citation.source_id == source_id, owner.is_not(None))


def cited_and_found(
    session: Session, query: Select[Any], table: Any, kind: str, q: str | None, source: str | None
) -> Select[Any]:
    """`query` kept to the records of `kind` that the source `source` cites, then to those
    matching the search `q` (each when given): the tail of every list's filters."""
    if source is not None:  # given empty, it names no source: a 422
        query = query.where(table.id.in_(cited_by(session, kind, source)))
    if q:
        query = query.where(table.id.in_(matching_record_ids(session, kind, q)))
    return query


CONTEXT_CHARS = 80


def add_context(session: Session, records: list[dict]) -> None:  # type: ignore[type-arg]
    """`include=citations`: give each citation its source's title and surrounding text."""
    wanted = {c["source"] for r in records for c in r.get("citations", [])}
    if not wanted:
        return
    query = select(Source.slug, Source.title, Source.text).where(Source.slug.in_(wanted))
    sources = {slug: (title, text) for slug, title, text in session.execute(query)}
    for record in records:
        for citation in record.get("citations", []):
            title, text = sources[citation["source"]]
            start, end = citation["start"], citation["end"]
            citation["source_title"] = title
            citation["context_before"] = text[max(0, start - CONTEXT_CHARS) : start]
            citation["context_after"] = text[end : end + CONTEXT_CHARS]


# `include=citations`, which every cited resource offers.
IN_CONTEXT = Include("citations", apply=add_context, shows=CitationInContext)
