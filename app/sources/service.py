"""Every query about source documents and the citations that point into them."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.citations.models import CITED_KINDS, Citation, CitationInSource, CitedRecord
from app.core.dates import format_partial
from app.core.facets import column_facet
from app.core.filters import resolve_slugs
from app.core.listing import ListSpec, SortField
from app.events.models import Event
from app.organisations.models import Organisation
from app.people.models import Person
from app.programmes.models import Programme
from app.quotes.models import Quote, quote_label
from app.search.service import matching_record_ids
from app.sources.models import Source, SourceKind, SourcePublic

# For each cited kind: its table and the column that names a record.
_CITED: dict[str, tuple[Any, Any]] = {
    "event": (Event, Event.title),
    "programme": (Programme, Programme.name),
    "area": (CooperationArea, CooperationArea.name),
    "quote": (Quote, Quote.text),
    "person": (Person, Person.name),
    "organisation": (Organisation, Organisation.name),
}


@dataclass(frozen=True)
class SourceFilters:
    kind: list[SourceKind] = field(default_factory=list)
    q: str | None = None
    source: str | None = None


def filtered(*, session: Session, filters: SourceFilters) -> Select[Any]:
    """Sources matching every given filter."""
    query = SPEC.whole  # the same object every time: `fetch_page` knows it unfiltered
    if filters.kind:
        query = query.where(Source.kind.in_([str(k) for k in filters.kind]))
    if filters.q:
        query = query.where(Source.id.in_(matching_record_ids(session, "source", filters.q)))
    if filters.source:  # a source is "cited by" itself alone
        resolve_slugs(session, Source, [filters.source], "source")
        query = query.where(Source.slug == filters.source)
    return query


def text_of(session: Session, slug: str) -> str | None:
    """A source's full text, or None when there is no such source."""
    return session.execute(select(Source.text).where(Source.slug == slug)).scalar_one_or_none()


def with_text(session: Session, slug: str) -> dict[str, Any]:
    """The field only the detail carries."""
    return {"text": text_of(session, slug)}


def hydrate(session: Session, rows: list[Source]) -> list[SourcePublic]:
    """Public sources, without their text."""
    counts = _citation_counts(session, [r.id for r in rows])
    return [_fields(r, counts) for r in rows]


def citations_query(*, session: Session, slug: str, kind: list[str]) -> Select[Any]:
    """Every citation into the source (optionally of some record kinds)."""
    (source_id,) = resolve_slugs(session, Source, [slug], "slug")
    query = select(Citation).where(Citation.source_id == source_id)
    if kind:
        # Not coalesce(): SQLite refuses it with a single argument (one `type=`).
        query = query.where(or_(*[getattr(Citation, f"{k}_id").is_not(None) for k in kind]))
    return query


def hydrate_citations(session: Session, rows: list[Citation]) -> list[CitationInSource]:
    """Citations with the record each supports, named."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        kind, record_id = _subject(row)
        wanted[kind].add(record_id)
    names: dict[tuple[str, int], tuple[str, str]] = {}
    for kind, ids in wanted.items():
        table, label = _CITED[kind]
        for record_id, slug, name in session.execute(
            select(table.id, table.slug, label).where(table.id.in_(ids))
        ):
            names[(kind, record_id)] = (slug, quote_label(name) if kind == "quote" else name)
    out = []
    for row in rows:
        kind, record_id = _subject(row)
        slug, name = names[(kind, record_id)]
        out.append(
            CitationInSource(
                record=CitedRecord(type=kind, slug=slug, name=name),
                evidence=row.evidence,
                start=row.start_offset,
                end=row.end_offset,
            )
        )
    return out


def _subject(row: Citation) -> tuple[str, int]:
    for kind in CITED_KINDS:
        value = getattr(row, f"{kind}_id")
        if value is not None:
            return kind, value
    raise ValueError(f"citation {row.id} supports no record")


def _citation_counts(session: Session, ids: list[int | None]) -> dict[int, int]:
    query = (
        select(Citation.source_id, func.count())
        .where(Citation.source_id.in_([i for i in ids if i is not None]))
        .group_by(Citation.source_id)
    )
    return {source_id: n for source_id, n in session.execute(query).all()}


def _fields(row: Source, counts: dict[int, int]) -> SourcePublic:
    return SourcePublic(
        slug=row.slug,
        title=row.title,
        publisher=row.publisher,
        published=format_partial(row.published_date, row.published_precision),
        kind=SourceKind(row.kind),
        file_name=row.file_name,
        url=row.url,
        sha256=row.sha256,
        length=len(row.text),
        citation_count=counts.get(row.id or 0, 0),
    )


SPEC = ListSpec(
    kind="source",
    plural="sources",
    public_model=SourcePublic,
    table=Source,
    sorts={
        "date": SortField(Source.published_date, is_date=True),
        "title": SortField(Source.title),
        "slug": SortField(Source.slug),
    },
    default_sort="date",
    hydrate=hydrate,
    facets={"kind": column_facet(Source.kind)},
)

CITATIONS_SPEC = ListSpec(
    kind="citation",
    plural="citations",
    public_model=CitationInSource,
    table=Citation,
    sorts={"start": SortField(Citation.start_offset), "id": SortField(Citation.id)},
    default_sort="start",
    hydrate=hydrate_citations,
    tiebreak="id",
    searchable=False,
    documents=False,
)
