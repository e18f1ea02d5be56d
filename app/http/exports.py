"""Exports: a list as CSV, NDJSON or iCalendar, a page of it or every match, streamed.

A full export reads one query as it streams, on a session of its own (it outlives its
request), each chunk in a worker thread. Without `fields=` or `include=`, NDJSON writes
the stored documents and CSV the stored lines as they are.
"""

import json
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Any, TypeVar, cast

import anyio.to_thread
from fastapi import Response
from fastapi.responses import StreamingResponse

from app.core.db import Database
from app.core.models import MEDIA_TYPES, Format, Resource
from app.query.csv_rows import csv_columns, csv_header, csv_lines
from app.query.documents import StoredExport, utf8
from app.query.lists import Listed
from app.query.shapes import Page

T = TypeVar("T")
Renderer = Callable[[Iterable[list[dict[str, Any]]]], Iterator[str]]


def _rendered(
    fmt: Format, resource: Resource, page: Page[Any], batches: Iterable[list[dict[str, Any]]],
    renderer: Renderer | None,
) -> Iterator[str]:  # fmt: skip
    if renderer is not None and fmt is Format.ics:
        return renderer(batches)
    if fmt is Format.csv:
        return csv_lines(csv_columns(resource.public_model, page.shape.fields), batches)
    return (
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in batch)
        for batch in batches
    )


def export_page(
    resource: Resource, page: Page[Any], found: Listed, fmt: Format, renderer: Renderer | None,
    headers: dict[str, str],
) -> Response:  # fmt: skip
    """A page of a list (`limit=` given) as CSV, NDJSON or iCalendar."""
    records = found.records if not page.shape.as_stored else [json.loads(d) for d in found.records]
    text = "".join(_rendered(fmt, resource, page, [records], renderer))
    return Response(text, media_type=MEDIA_TYPES[fmt], headers=headers)


def export_all(
    db: Database,
    export: StoredExport,
    page: Page[Any],
    fmt: Format,
    renderer: Renderer | None = None,
) -> StreamingResponse:
    """Every match, streamed in chunks of UTF-8 bytes made in a worker thread."""
    resource = export.resource
    body: Iterator[str | bytes]
    if page.shape.as_stored and fmt is Format.ndjson:  # one stored document per line
        docs = db.iterate(export.documents)
        body = (b"".join(utf8(d) + b"\n" for d in batch) for batch in docs)
    elif page.shape.as_stored and fmt is Format.csv and export.has_lines:
        header = csv_header(csv_columns(resource.public_model, None)).encode()
        body = _after(header, (b"".join(map(utf8, b)) for b in db.iterate(export.lines)))
    else:
        body = _rendered(fmt, resource, page, db.iterate(export.records), renderer)
    return StreamingResponse(
        in_threads(body),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'inline; filename="{resource.plural}.{fmt.value}"'},
    )


def _after(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    # A generator, not `itertools.chain`: closing it closes `rest` and its session.
    yield first
    yield from rest


_DONE = object()


async def in_threads(chunks: Iterator[T]) -> AsyncIterator[T]:
    """`chunks` in order, each read in a worker thread, and closed in one when the stream
    ends or the client goes away. Reading an export, and closing it (which releases its
    session), may wait on the database; neither may stall the event loop. Starlette
    would leave an iterator it stops early to the garbage collector, which may close it
    on the loop."""
    try:
        while (chunk := await anyio.to_thread.run_sync(next, chunks, _DONE)) is not _DONE:
            yield cast(T, chunk)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            await anyio.to_thread.run_sync(close)
