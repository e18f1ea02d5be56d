"""Exports: a list as CSV, NDJSON or iCalendar, a page of it or every match, streamed.

A full export reads one query as it streams, on a session of its own (it outlives its
request), each chunk in a worker thread. Without `fields=` or `include=`, NDJSON writes
the stored documents and CSV the stored lines as they are.
"""

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

import anyio.to_thread
from fastapi import Response
from fastapi.responses import StreamingResponse

from app.core.db import GRACE_S, Database
from app.core.engine import unavailable
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


async def export_all(
    db: Database,
    export: StoredExport,
    page: Page[Any],
    fmt: Format,
    renderer: Renderer | None = None,
) -> StreamingResponse:
    """Every match, streamed in chunks of UTF-8 bytes (`stream`)."""
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
    return await stream(db, body, MEDIA_TYPES[fmt], f"{resource.plural}.{fmt.value}")


async def stream(
    db: Database, body: Iterator[str | bytes], media_type: str, filename: str, *,
    disposition: str = "inline",
) -> StreamingResponse:  # fmt: skip
    """`body` streamed, each chunk made in a worker thread. The first two are read before
    the answer starts (a header may come first, and the database must have been read), so
    that a database that cannot answer gives a 503, not a 200 cut short."""
    chunks = in_threads(body, timeout=db.timeout + GRACE_S)
    head: list[str | bytes] = []
    try:
        while len(head) < 2 and (chunk := await anext(chunks, None)) is not None:
            head.append(chunk)
    except Exception as exc:
        failure = unavailable(exc, db.timeout)
        if failure is None:
            raise
        raise failure from exc
    return StreamingResponse(
        _after_async(head, chunks),
        media_type=media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{filename}"'},
    )


async def _after_async(head: Sequence[T], rest: AsyncIterator[T]) -> AsyncIterator[T]:
    for chunk in head:
        yield chunk
    async for chunk in rest:
        yield chunk


def _after(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    # A generator, not `itertools.chain`: closing it closes `rest` and its session.
    yield first
    yield from rest


_DONE = object()


async def in_threads(chunks: Iterator[T], *, timeout: float | None = None) -> AsyncIterator[T]:
    """`chunks` in order, each read in a worker thread, and closed in one when the stream
    ends or the client goes away. Reading an export, and closing it (which releases its
    session), may wait on the database; neither may stall the event loop. Starlette
    would leave an iterator it stops early to the garbage collector, which may close it
    on the loop. A chunk not read within `timeout` seconds raises `TimeoutError`; its
    thread is left to end by itself (it cannot be stopped), and the iterator unclosed."""
    abandoned = False
    try:
        while True:
            reading = anyio.to_thread.run_sync(next, chunks, _DONE, abandon_on_cancel=True)
            try:
                chunk = await asyncio.wait_for(reading, timeout)
            except TimeoutError:
                abandoned = True
                raise
            if chunk is _DONE:
                return
            yield cast(T, chunk)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None and not abandoned:
            await anyio.to_thread.run_sync(close)
