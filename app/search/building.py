"""Building a search index from the database's search documents, one per data version.

An index lives in its own directory under `SEARCH_INDEX_DIR`, named after what it was
built from: the dataset's version, the rendering of the documents and `INDEX_FORMAT`.
Whoever needs it first builds it (the seed loader, the scale generator, a starting
worker) into a directory of its own and renames that into place, under a lock, so that
several processes and instances never build one index twice or read a half-built one.
"""

import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tantivy
from sqlalchemy import case, func, select
from sqlmodel import Session

from app.basis.models import FieldBasis
from app.search.models import SearchDocument
from app.search.schema import SCHEMA, pairs, with_tokenizers

# Bumped when the index's schema, its documents or their layout change without a change
# of data (4: one segment where there were seven).
INDEX_FORMAT = 4
_WRITER_MEMORY = 1_000_000_000  # bytes
_READY = "ready"  # the file that marks a directory as a whole index


def index_name(version: str, rendering: str) -> str:
    """The directory name of the index of a data version as this code renders it."""
    key = f"{version}\n{rendering}\n{INDEX_FORMAT}"
    return f"{version[:24]}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def is_built(path: Path) -> bool:
    return (path / _READY).exists()


def build(session: Session, directory: Path, name: str) -> Path:
    """The index `name` under `directory`, built from the search documents `session`
    sees unless it is there already; other processes wait for one build, not repeat it."""
    target = directory / name
    if is_built(target):
        return target
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory / f".{name}.lock"):
        if is_built(target):  # built by another process while this one waited
            return target
        building = directory / f".{name}.building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir()
        index = with_tokenizers(tantivy.Index(SCHEMA, path=str(building)))
        # One thread: the documents go in in the canonical order, the same on every build.
        # The writer flushes a segment each time its memory fills: with room for 1M events'
        # documents the index is one segment, which every search reads 5-7% faster than
        # seven (docs/performance.md); the memory is taken only as the documents need it.
        writer = index.writer(heap_size=_WRITER_MEMORY, num_threads=1)
        for ordinal, row in enumerate(_documents(session)):
            writer.add_document(document(ordinal, *row))
        writer.commit()
        writer.wait_merging_threads()
        (building / _READY).touch()
        shutil.rmtree(target, ignore_errors=True)  # a directory left without its mark
        building.rename(target)
    return target


def document(
    ordinal: int, kind: str, slug: str, title: str, body: str, title_terms: str,
    body_terms: str, rests: str,
) -> tantivy.Document:  # fmt: skip
    """The index's document of one search document: its place in the canonical order,
    its record, the words searched (`*_terms`, and their pairs) and the words shown."""
    return tantivy.Document(
        ordinal=ordinal,
        kind=kind,
        slug=slug,
        rests=rests,
        title=title_terms,
        body=body_terms,
        title_pairs=pairs(title_terms),
        body_pairs=pairs(body_terms),
        shown_title=title.encode(),
        shown_body=body.encode(),
    )  # fmt: skip


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _documents(session: Session) -> Iterator[tuple[Any, ...]]:
    """Every search document with how far its record's values rest from the text, in
    the canonical order: kind, then slug, compared byte by byte on both back-ends."""
    doc = SearchDocument.__table__  # type: ignore[attr-defined]
    basis = FieldBasis.__table__  # type: ignore[attr-defined]
    level = case((basis.c.basis == "external", 2), (basis.c.basis == "inferred", 1), else_=0)
    farthest = (
        select(basis.c.kind, basis.c.record_id, func.max(level).label("level"))
        .group_by(basis.c.kind, basis.c.record_id)
        .subquery()
    )
    binary = "C" if session.get_bind().dialect.name == "postgresql" else "BINARY"
    query = (
        select(
            doc.c.kind,
            doc.c.slug,
            doc.c.title,
            doc.c.body,
            doc.c.title_terms,
            doc.c.body_terms,
            func.coalesce(farthest.c.level, 0),
        )  # fmt: skip
        .outerjoin(
            farthest,
            (farthest.c.kind == doc.c.kind) & (farthest.c.record_id == doc.c.record_id),
        )
        .order_by(doc.c.kind.collate(binary), doc.c.slug.collate(binary))
    )
    names = ("stated", "inferred", "external")
    for row in session.execute(query, execution_options={"yield_per": 2000}):
        yield (*row[:6], names[row[6]])
