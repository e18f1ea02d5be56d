"""What a data package holds: each resource as CSV (with its Table Schema) and NDJSON,
the citations, and the source documents, each file read from the database in batches."""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any, get_args

from pydantic import BaseModel
from sqlalchemy import select
from sqlmodel import Session, col

from app.citations.models import Citation
from app.core.models import Resource
from app.query.csv_rows import CsvColumn, csv_columns, csv_header, csv_record
from app.query.documents import CsvLine
from app.sources.models import Source

FIRST_BATCH, MAX_BATCH, BATCH_BYTES = 20, 2000, 1 << 20
PIECE = 1 << 20
CITATION_FIELDS = ("source", "type", "slug", "evidence", "start", "end")
_TYPES = {int: "integer", bool: "boolean", float: "number", date: "date"}


@dataclass(frozen=True)
class Entry:
    """One file of the package: its path, how to describe it, and its bytes in chunks."""

    path: str
    describe: dict[str, Any]
    chunks: Callable[[Session], Iterator[bytes]]


def entries(session: Session, resources: Iterable[Resource]) -> list["Entry"]:
    """Every file of the package but its manifest, in the order they are written."""
    resources = list(resources)
    cited = {r.kind: r.table for r in resources if r.kind != "source"}
    return [*_records(resources), *_citations(cited), *_sources(session)]


def _records(resources: Iterable[Resource]) -> Iterator[Entry]:
    for resource in resources:
        columns = csv_columns(resource.public_model, None)
        yield Entry(
            f"data/{resource.plural}.csv",
            {
                "name": resource.plural,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(resource.public_model, columns),
            },
            _lines(resource, columns),
        )
        yield Entry(
            f"data/{resource.plural}.ndjson",
            {
                "name": f"{resource.plural}-ndjson",
                "format": "ndjson",
                "mediatype": "application/x-ndjson",
                "encoding": "utf-8",
                "description": f"The {resource.plural} as the API serves them, one per line.",
            },
            _documents(resource),
        )


def _lines(resource: Resource, columns: list[CsvColumn]) -> Callable[[Session], Iterator[bytes]]:
    def read(session: Session) -> Iterator[bytes]:
        yield csv_header(columns).encode()
        query = (
            select(col(CsvLine.line))
            .where(col(CsvLine.kind) == resource.kind)
            .order_by(col(CsvLine.record_id))
        )
        yield from _pieces(line for (line,) in _rows(session, query))

    return read


def _documents(resource: Resource) -> Callable[[Session], Iterator[bytes]]:
    def read(session: Session) -> Iterator[bytes]:
        table = resource.table
        query = select(table.document).order_by(table.id)
        yield from _pieces(document + "\n" for (document,) in _rows(session, query))

    return read


def _citations(cited: dict[str, Any]) -> Iterator[Entry]:
    columns = [CsvColumn(name, name) for name in CITATION_FIELDS]
    fields = [
        {"name": "source", "type": "string", "description": "The source document's slug."},
        {"name": "type", "type": "string", "description": "The type of the cited record."},
        {"name": "slug", "type": "string", "description": "The cited record's slug."},
        {"name": "evidence", "type": "string", "description": "The words of the source."},
        {"name": "start", "type": "integer", "description": "Offset of the first character."},
        {"name": "end", "type": "integer", "description": "Offset after the last character."},
    ]
    yield Entry(
        "data/citations.csv",
        {
            "name": "citations",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": fields},
        },
        lambda session: _citation_lines(session, cited, columns),
    )
    yield Entry(
        "data/citations.ndjson",
        {
            "name": "citations-ndjson",
            "format": "ndjson",
            "mediatype": "application/x-ndjson",
            "encoding": "utf-8",
            "description": "The citations, one per line: `text[start:end] == evidence`.",
        },
        lambda session: _citation_documents(session, cited),
    )


def _citation_rows(session: Session, cited: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every citation, record type by record type, each in the record's and curated order."""
    for kind, table in cited.items():
        owner = getattr(Citation, f"{kind}_id")
        query = (
            select(
                col(Source.slug),
                table.slug,
                col(Citation.evidence),
                col(Citation.start_offset),
                col(Citation.end_offset),
            )
            .join(Source, col(Source.id) == col(Citation.source_id))
            .join(table, table.id == owner)
            .order_by(owner, col(Citation.position))
        )
        for s, slug, e, a, b in _rows(session, query):
            yield {"source": s, "type": kind, "slug": slug, "evidence": e, "start": a, "end": b}


def _citation_lines(
    session: Session, cited: dict[str, Any], columns: list[CsvColumn]
) -> Iterator[bytes]:
    yield csv_header(columns).encode()
    yield from _pieces(csv_record(columns, row) for row in _citation_rows(session, cited))


def _citation_documents(session: Session, cited: dict[str, Any]) -> Iterator[bytes]:
    rows = _citation_rows(session, cited)
    yield from _pieces(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _sources(session: Session) -> Iterator[Entry]:
    """The source documents, byte for byte (their SHA-256 is each source's `sha256`)."""
    rows = session.execute(
        select(col(Source.slug), col(Source.file_name)).order_by(col(Source.id))
    ).all()
    for slug, file_name in rows:
        yield Entry(
            f"sources/{PurePosixPath(file_name).name}",  # never a path out of sources/
            {
                "name": f"source-{slug}",
                "format": file_name.rpartition(".")[2] or "txt",
                "mediatype": "text/plain",
                "encoding": "utf-8",
                "description": f"The source document {slug!r}, under its publisher's terms.",
            },
            _source_text(slug),
        )


def _source_text(slug: str) -> Callable[[Session], Iterator[bytes]]:
    def read(session: Session) -> Iterator[bytes]:
        text = select(col(Source.text)).where(col(Source.slug) == slug)
        yield session.execute(text).scalar_one().encode()

    return read


def _schema(model: type[BaseModel], columns: list[CsvColumn]) -> dict[str, Any]:
    """A Table Schema of the CSV columns: integers, booleans and whole days typed, the rest
    text (a partial date is text: `2013`, `2013-04`), each described as the API does."""
    fields = []
    for column in columns:
        info = model.model_fields[column.key]
        annotation = info.annotation
        if column.sub is not None:
            nested = next(a for a in (annotation, *get_args(annotation)) if _is_model(a))
            info = nested.model_fields[column.sub]
            annotation = info.annotation
        kinds = [a for a in (annotation, *get_args(annotation)) if a in _TYPES]
        field: dict[str, Any] = {
            "name": column.name,
            "type": _TYPES[kinds[0]] if kinds else "string",
        }
        if info.description:
            field["description"] = info.description
        fields.append(field)
    fields[[f["name"] for f in fields].index("slug")]["constraints"] = {
        "required": True,
        "unique": True,
    }
    return {"fields": fields, "primaryKey": ["slug"]}


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _rows(session: Session, query: Any) -> Iterator[Any]:
    """Every row of `query`, from one query read as it streams (a server-side cursor on
    PostgreSQL), in batches of about BATCH_BYTES: a batch of 20 rows first, then as many
    as that size holds. Rows range from a citation's few dozen bytes to a synthetic
    programme's 160 KB of JSON (docs/performance.md): a fixed count would hold 40 MB at a
    time of the one, or make a round trip per handful of the other."""
    result = session.connection().execute(query, execution_options={"stream_results": True})
    size = FIRST_BATCH
    while rows := result.fetchmany(size):
        yield from rows
        # Its first and last rows stand for the batch (measuring each row costs more).
        each = max(_text_size(rows[0]), _text_size(rows[-1]))
        size = max(FIRST_BATCH, min(MAX_BATCH, BATCH_BYTES // max(each, 1)))


def _text_size(row: Any) -> int:
    return sum(len(value) for value in row if isinstance(value, str))


def _pieces(texts: Iterable[str]) -> Iterator[bytes]:
    """`texts` joined into pieces of about PIECE characters, as UTF-8: what is held at
    once is one piece, whatever the size of the table."""
    held: list[str] = []
    size = 0
    for text in texts:
        held.append(text)
        size += len(text)
        if size >= PIECE:
            yield "".join(held).encode()
            held, size = [], 0
    if held:
        yield "".join(held).encode()
