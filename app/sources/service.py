"""Every query about source documents and the citations that point into them."""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.citations.models import CITED_KINDS, Citation, CitationInSource, CitedRecord
from app.core.dates import format_partial
from app.core.errors import NotFound
from app.core.models import Resource
from app.core.orders import SortField
from app.events.models import Event
from app.organisations.models import Organisation
from app.people.models import Person
from app.programmes.models import Programme
from app.query.documents import StoredExport, completed
from app.query.documents import shape as shaped
from app.query.facets import column_facet
from app.query.lists import Listed, read_documents, read_page, resolve_slugs
from app.query.shapes import Page, Shape
from app.quotes.models import Quote, quote_label
from app.search.service import matching_record_ids
from app.sources.models import CitationQuery, Source, SourcePublic, SourceQuery

# For each cited kind: its table and the column that names a record.
_CITED: dict[str, tuple[Any, Any]] = {
    "event": (Event, Event.title),
    "programme": (Programme, Programme.name),
    "area": (CooperationArea, CooperationArea.name),
    "quote": (Quote, Quote.text),
    "person": (Person, Person.name),
    "organisation": (Organisation, Organisation.name),
}

RESOURCE = Resource(
    kind="source",
    plural="sources",
    table=Source,
    public_model=SourcePublic,
    sorts={
        "date": SortField(Source.published_date, is_date=True),
        "title": SortField(Source.title),
        "slug": SortField(Source.slug),
    },
    default_sort="date",
    facets={"kind": column_facet(Source.kind)},
)

# A source's citations keep no stored documents: each page is rendered as it is read.
CITATIONS = Resource(
    kind="citation",
    plural="citations",
    table=Citation,
    public_model=CitationInSource,
    sorts={"start": SortField(Citation.start_offset), "id": SortField(Citation.id)},
    default_sort="start",
    tiebreak="id",
)
# Every source: statements are immutable, so filters build on it without changing it.
_ALL = select(Source)


def list_sources(session: Session, page: Page[SourceQuery]) -> Listed:
    query = matching(session=session, filters=page.filters, q=page.q, source=page.source)
    found = read_documents(
        session, query, Source, page.order, limit=page.size, start_after=page.start_after
    )
    return found if page.plain else completed(session, RESOURCE, query, page, found)


def export_sources(session: Session, page: Page[SourceQuery]) -> StoredExport:
    query = matching(session=session, filters=page.filters, q=page.q, source=page.source)
    return StoredExport(RESOURCE, query, page)


def get_source(session: Session, slug: str, shape: Shape) -> dict[str, Any] | None:
    """One source with its full text, reshaped as asked; None when there is none."""
    found = session.execute(
        select(Source.document, Source.text).where(Source.slug == slug)
    ).one_or_none()
    if found is None or found.document is None:
        return None
    # `text` is not a field of the list's records, so `fields=` is applied after it.
    record = shaped(session, RESOURCE, [found.document], Shape(None, shape.include))[0]
    record["text"] = found.text
    if shape.fields:
        keep = {"slug", *shape.fields}
        record = {k: v for k, v in record.items() if k in keep}
    return record


def matching(
    *, session: Session, filters: SourceQuery, q: str | None, source: str | None
) -> Select[Any]:
    """Sources matching every given filter."""
    query = _ALL
    if filters.kind:
        query = query.where(Source.kind.in_([str(k) for k in filters.kind]))
    if q:
        query = query.where(Source.id.in_(matching_record_ids(session, "source", q)))
    if source is not None:  # a source is "cited by" itself alone (empty: a 422)
        query = query.where(Source.id == resolve_slugs(session, Source, [source], "source")[0])
    return query


@dataclass(frozen=True)
class CitationExport(StoredExport):
    """Every citation `query` matches, for an export: rendered batch by batch as it is read,
    there being no stored documents or lines."""

    has_lines: bool = False

    def documents(self, session: Session) -> Iterator[list[str | bytes]]:
        for rows in self._rows(session, self.query):
            yield [c.model_dump_json() for c in hydrate_citations(session, rows)]


def list_citations(session: Session, page: Page[CitationQuery], *, slug: str) -> Listed:
    """A page of the citations into the source, in its order (JSON text each)."""
    query = citations_into(session=session, slug=slug, kinds=page.filters.type)
    found = read_page(session, query, page.order, limit=page.size, start_after=page.start_after)
    found.records = [c.model_dump_json() for c in hydrate_citations(session, found.records)]
    return found if page.plain else completed(session, CITATIONS, query, page, found)


def export_citations(session: Session, page: Page[CitationQuery], *, slug: str) -> CitationExport:
    query = citations_into(session=session, slug=slug, kinds=page.filters.type)
    return CitationExport(CITATIONS, query, page)


def citations_into(*, session: Session, slug: str, kinds: list[str]) -> Select[Any]:
    """Every citation into the source (optionally of some record kinds, each one the query
    model admitted); 404 when there is no such source."""
    source_id = session.execute(select(Source.id).where(Source.slug == slug)).scalar()
    if source_id is None:
        raise NotFound(f"There is no source with slug {slug!r}.")
    query = select(Citation).where(Citation.source_id == source_id)
    if kinds:
        # Not coalesce(): SQLite refuses it with a single argument (one `type=`).
        query = query.where(or_(*[getattr(Citation, f"{k}_id").is_not(None) for k in kinds]))
    return query


def hydrate(session: Session, rows: list[Source]) -> list[SourcePublic]:
    """Public sources, without their text."""
    ids = [r.id for r in rows if r.id is not None]
    query = (
        select(Citation.source_id, func.count())
        .where(Citation.source_id.in_(ids))
        .group_by(Citation.source_id)
    )
    counts = dict(session.execute(query).all())
    return [
        SourcePublic(
            **r.model_dump(),
            published=format_partial(r.published_date, r.published_precision),
            length=len(r.text),
            citation_count=counts.get(r.id, 0),
        )
        for r in rows
    ]


def hydrate_citations(session: Session, rows: Sequence[Any]) -> list[CitationInSource]:
    """Citations with the record each supports, named. `rows` are `Citation`s, or rows
    of the citation table's columns (an export reads those, not entities)."""
    subjects = [_subject(row) for row in rows]
    wanted: dict[str, set[int]] = defaultdict(set)
    for kind, record_id in subjects:
        wanted[kind].add(record_id)
    records: dict[tuple[str, int], CitedRecord] = {}
    for kind, ids in wanted.items():
        table, label = _CITED[kind]
        for record_id, slug, name in session.execute(
            select(table.id, table.slug, label).where(table.id.in_(ids))
        ):
            name = quote_label(name) if kind == "quote" else name
            records[(kind, record_id)] = CitedRecord(type=kind, slug=slug, name=name)
    return [
        CitationInSource(
            record=records[subject],
            evidence=row.evidence,
            start=row.start_offset,
            end=row.end_offset,
        )
        for row, subject in zip(rows, subjects, strict=True)
    ]


def _subject(row: Any) -> tuple[str, int]:
    for kind in CITED_KINDS:
        value = getattr(row, f"{kind}_id")
        if value is not None:
            return kind, value
    raise ValueError(f"citation {row.id} supports no record")
