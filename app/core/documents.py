"""Rendered documents: each record's public JSON (and its CSV line), written once by the
loader, served as is.

The data changes only when it is seeded, so a record's JSON is rendered then (with every
related record it names) and a request reads one column instead of joining and
validating. Rows without a document — a database loaded by other means — are rendered on
the fly, so an answer is never wrong, only slower.
"""

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import LargeBinary, Text, delete, insert, select, update
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Field, Session, SQLModel

from app.core import base  # noqa: F401
from app.core.csv_rows import csv_columns, csv_record

if TYPE_CHECKING:
    from app.core.listing import ListSpec

RENDER_BATCH = 500


class CsvLine(SQLModel, table=True):
    """A record's CSV line in the export's default columns, apart from the record's row.

    A table of its own so that a full export reads only these lines (0.7 KB a record)
    and the date index, not the records' rows with their documents (3.7 KB an event):
    at a million events that is 0.75 GB read instead of 3.7 GB. On SQLite it is stored
    in key order (WITHOUT ROWID), so a resource's lines lie together, by record id.
    """

    __tablename__ = "csv_line"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: str = Field(primary_key=True)
    record_id: int = Field(primary_key=True)
    line: str = Field(sa_type=Text)


def render(session: Session, spec: "ListSpec") -> int:
    """Write the document and CSV line of every record of `spec`'s table; return how many."""
    table = spec.table
    columns = csv_columns(spec.public_model, None)
    ids = list(session.execute(select(table.id).order_by(table.id)).scalars())
    session.execute(delete(CsvLine).where(CsvLine.kind == spec.kind))  # type: ignore[arg-type]
    for start in range(0, len(ids), RENDER_BATCH):
        chunk = ids[start : start + RENDER_BATCH]
        rows = list(session.execute(select(table).where(table.id.in_(chunk))).scalars())
        public = spec.hydrate(session, rows)
        pairs = list(zip(rows, public, strict=True))
        documents = [{"id": row.id, "document": record.model_dump_json()} for row, record in pairs]
        session.execute(update(table), documents)
        lines = [
            {
                "kind": spec.kind,
                "record_id": row.id,
                "line": csv_record(columns, record.model_dump(mode="json")),
            }
            for row, record in pairs
        ]
        session.execute(insert(CsvLine), lines)
    session.expire_all()
    return len(ids)


def as_json(session: Session, spec: "ListSpec", rows: Sequence[Any]) -> list[Any]:
    """The JSON of each row: `(id, document, ...)` tuples, or entities to hydrate. A stored
    document comes as its row carries it (text, or UTF-8 bytes if read so)."""
    if not spec.documents:
        return [record.model_dump_json() for record in spec.hydrate(session, [r[0] for r in rows])]
    documents = [row[1] for row in rows]
    missing = [row[0] for row in rows if row[1] is None]
    if missing:
        table = spec.table
        entities = list(session.execute(select(table).where(table.id.in_(missing))).scalars())
        rendered = {
            entity.id: record.model_dump_json()
            for entity, record in zip(entities, spec.hydrate(session, entities), strict=True)
        }
        documents = [
            doc if doc is not None else rendered[row[0]]
            for doc, row in zip(documents, rows, strict=True)
        ]
    return documents


class ExportLine(FunctionElement[Any]):
    """A stored line read for an export, in the form its driver hands over cheapest.

    SQLite gives its UTF-8 bytes (a BLOB): no decoding every line into a str only to
    encode it back, a fifth of a full export's time. PostgreSQL keeps the column as text
    (a cast to bytea would travel as hex); an export's cursor reads it as bytes through
    the `text_as_bytes` execution option (app.core.db), and so does the cursor that reads
    unfiltered pages (app.core.prepared); other reads get str.
    """

    type = LargeBinary()  # no result processing on either driver: values pass as they come
    inherit_cache = True


@compiles(ExportLine, "sqlite")
def _export_line_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    # SQLite stores text as UTF-8; CAST to BLOB hands over those bytes unchanged.
    return f"CAST({compiler.process(element.clauses, **kw)} AS BLOB)"


@compiles(ExportLine, "postgresql")
def _export_line_postgresql(element: Any, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


def as_csv_bytes(session: Session, spec: "ListSpec", rows: Sequence[Any]) -> bytes:
    """The stored CSV lines of `(id, ExportLine(line), ...)` rows (bytes or str by
    back-end), as one chunk of bytes; a row without a line gets one made from its JSON,
    as `as_json` makes that."""
    lines = [row[1] for row in rows]
    missing = [(row[0], None) for row in rows if row[1] is None]
    if missing:
        columns = csv_columns(spec.public_model, None)
        made = (csv_record(columns, json.loads(doc)) for doc in as_json(session, spec, missing))
        lines = [line if line is not None else next(made) for line in lines]
    # Stored lines are bytes when read for an export (both back-ends); lines made here
    # from JSON are str.
    if all(line.__class__ is str for line in lines):
        return "".join(lines).encode()
    return b"".join(line if line.__class__ is bytes else line.encode() for line in lines)


def by_slug(session: Session, spec: "ListSpec", slugs: Sequence[str]) -> dict[str, str]:
    """The JSON of the named records, keyed by slug."""
    if not slugs:
        return {}
    table = spec.table
    rows = session.execute(
        select(table.id, table.document, table.slug).where(table.slug.in_(list(slugs)))
    ).all()
    return {row[2]: doc for row, doc in zip(rows, as_json(session, spec, rows), strict=True)}


def loaded(documents: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {slug: json.loads(doc) for slug, doc in documents.items()}
