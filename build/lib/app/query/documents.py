"""Stored documents: each record's public JSON (and its CSV line), rendered once by the
loader and served as they are; `fields=` and `include=` reshape them.

The data changes only when it is seeded, so a record's JSON is rendered then (with every
related record it names) and a request reads one column instead of joining and
validating. `/readyz` holds traffic until the documents were rendered by this code.
"""

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from pydantic import BaseModel, create_model
from sqlalchemy import Select, Text, and_, delete, func, insert, select, update
from sqlmodel import Field, Session, SQLModel

from app.core.models import (
    Include,
    Resource,
    metadata,  # noqa: F401  (constraint names before any table)
)
from app.core.orders import Order
from app.query.csv_rows import csv_columns, csv_record
from app.query.facets import facet_counts
from app.query.lists import AsBytes, Listed, ordered
from app.query.params import QueryModel, checked_shape
from app.query.shapes import Page, Shape, shape_parameters

RENDER_BATCH = 500
Hydrate = Callable[[Session, list[Any]], Sequence[BaseModel]]


class CsvLine(SQLModel, table=True):
    """A record's CSV line in the export's default columns, apart from the record's row,
    so that a full export reads only these lines and the order's index, not the records'
    rows with their documents. On SQLite it is stored in key order (WITHOUT ROWID)."""

    __tablename__ = "csv_line"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: str = Field(primary_key=True)
    record_id: int = Field(primary_key=True)
    line: str = Field(sa_type=Text)


def render(session: Session, resource: Resource, hydrate: Hydrate) -> int:
    """Write the document and CSV line of every record of `resource`; return how many.
    `hydrate` makes public records from rows (the resource's service knows how)."""
    table = resource.table
    columns = csv_columns(resource.public_model, None)
    ids = list(session.execute(select(table.id).order_by(table.id)).scalars())
    session.execute(delete(CsvLine).where(CsvLine.kind == resource.kind))  # type: ignore[arg-type]
    for start in range(0, len(ids), RENDER_BATCH):
        chunk = ids[start : start + RENDER_BATCH]
        rows = list(session.execute(select(table).where(table.id.in_(chunk))).scalars())
        pairs = list(zip(rows, hydrate(session, rows), strict=True))
        documents = [{"id": row.id, "document": record.model_dump_json()} for row, record in pairs]
        session.execute(update(table), documents)
        lines = [
            {
                "kind": resource.kind,
                "record_id": row.id,
                "line": csv_record(columns, record.model_dump(mode="json")),
            }
            for row, record in pairs
        ]
        session.execute(insert(CsvLine), lines)
    session.expire_all()
    return len(ids)


def utf8(text: str | bytes) -> bytes:
    return text if text.__class__ is bytes else text.encode()  # type: ignore[union-attr]


def by_slug(session: Session, table: Any, slugs: Sequence[str]) -> dict[str, str]:
    """The stored JSON of the named records of `table`, keyed by slug."""
    if not slugs:
        return {}
    query = select(table.slug, table.document).where(table.slug.in_(list(slugs)))
    return {slug: document for slug, document in session.execute(query)}


def one(
    session: Session, resource: Resource, slug: str, chosen: Shape
) -> str | dict[str, Any] | None:
    """One record's stored document, or the record reshaped; None when there is none."""
    document = by_slug(session, resource.table, [slug]).get(slug)
    if document is None or chosen.as_stored:
        return document
    return shape(session, resource, [document], chosen)[0]


def shape(
    session: Session, resource: Resource, documents: Sequence[str | bytes], chosen: Shape
) -> list[dict[str, Any]]:
    """Records as dicts, with embeds applied and only the chosen fields."""
    records = [json.loads(doc) for doc in documents]
    for name in chosen.include:
        _embed(session, resource.includes[name], records)
    if chosen.fields:
        keep = {"slug", *chosen.fields}
        records = [{k: v for k, v in r.items() if k in keep} for r in records]
    return records


def completed(
    session: Session, resource: Resource, query: Select[Any], page: Page[Any], found: Listed
) -> Listed:
    """`found` (a page of `query`'s documents) counted and reshaped as `page` asks."""
    if page.count:
        ids = query.with_only_columns(resource.table.id).subquery()
        found.count = session.execute(select(func.count()).select_from(ids)).scalar_one()
    if page.facets:
        found.facets = facet_counts(session, resource, query, page.facets)
    if not page.shape.as_stored:
        found.records = shape(session, resource, found.records, page.shape)
    return found


@dataclass(frozen=True)
class StoredExport:
    """Every record `query` matches, for an export: built (and so checked) while the
    request runs, read later on the export's own session."""

    resource: Resource
    query: Select[Any]
    page: Page[Any]
    has_lines: bool = True

    def documents(self, session: Session) -> Iterator[list[str | bytes]]:
        table = self.resource.table
        for rows in self._rows(session, self.query.with_only_columns(AsBytes(table.document))):
            yield [row[0] for row in rows]

    def lines(self, session: Session) -> Iterator[list[str | bytes]]:
        # An outer join keeps the order's index as what the database walks.
        table, kind = self.resource.table, self.resource.kind
        joined = self.query.outerjoin(
            CsvLine, and_(CsvLine.kind == kind, CsvLine.record_id == table.id)
        ).with_only_columns(AsBytes(CsvLine.line))
        for rows in self._rows(session, joined):
            yield [row[0] for row in rows]

    def records(self, session: Session) -> Iterator[list[dict[str, Any]]]:
        for documents in self.documents(session):
            yield shape(session, self.resource, documents, self.page.shape)

    def _rows(self, session: Session, query: Select[Any]) -> Iterator[Sequence[Any]]:
        return read_all(session, query, self.page.order, start_after=self.page.start_after)


def read_all(
    session: Session, query: Select[Any], order: Order, *, start_after: list[Any] | None
) -> Iterator[Sequence[Any]]:
    """Every row of `query` in `order`, in batches, from one query read as it streams (a
    server-side cursor on PostgreSQL): memory stays flat and an export is one snapshot."""
    statement = ordered(query, order, start_after)
    # The Core connection: the ORM's result machinery would only add cost.
    result = session.connection().execute(statement, execution_options={"yield_per": 2000})
    yield from result.partitions()


def _refs(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [ref for ref in value if isinstance(ref, dict) and "slug" in ref]
    return [value] if isinstance(value, dict) and "slug" in value else []


def _embed(session: Session, include: Include, records: list[dict[str, Any]]) -> None:
    if include.apply is not None:
        include.apply(session, records)
        return
    slugs = sorted({ref["slug"] for r in records for ref in _refs(r.get(include.field))})
    full = {slug: json.loads(doc) for slug, doc in by_slug(session, include.table, slugs).items()}
    for record in records:
        value = record.get(include.field)
        if isinstance(value, list):
            record[include.field] = [full.get(ref["slug"], ref) for ref in value]
        elif isinstance(value, dict) and "slug" in value:
            record[include.field] = full.get(value["slug"], value)


class DetailParameters:
    """The dependency giving a detail route its `Shape` (`fields=`, `include=`)."""

    def __init__(self, resource: Resource) -> None:
        self.resource = resource
        self.model = create_model("DetailQuery", **shape_parameters(resource))
        self.query = QueryModel(self.model)

    async def __call__(self, request: Request) -> Shape:
        query = self.query.read(request)
        return checked_shape(self.resource, query.fields, getattr(query, "include", None))
