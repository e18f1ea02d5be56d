"""Turning a list query into a response: a JSON page, or a streamed export."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic_core import to_json
from sqlalchemy import Select
from sqlmodel import Session

from app.core.csv_rows import csv_columns, csv_header, csv_lines
from app.core.db import read
from app.core.documents import by_slug
from app.core.errors import NotFound
from app.core.facets import facet_counts
from app.core.formats import MEDIA_TYPES, ndjson_lines, negotiate
from app.core.hosts import link_host
from app.core.listing import ListSpec, fetch_page, iterate_batches, iterate_csv, json_array
from app.core.pagination import decode_cursor
from app.core.params import DetailParams, Format, ListParams
from app.core.shaping import needs_shaping, shape
from app.core.streaming import read_ahead

Renderer = Callable[[Iterable[list[dict[str, Any]]]], Iterator[str]]
LIST_FORMATS = (Format.json, Format.csv, Format.ndjson)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Serialise with pydantic-core (fast, and it knows dates and models)."""
    return Response(
        to_json(body), status_code=status, media_type="application/json", headers=headers
    )


async def list_answer(
    request: Request,
    spec: ListSpec,
    params: ListParams,
    filtered: Callable[[Session], Select[Any]],
    *,
    renderers: dict[Format, Renderer] | None = None,
) -> Response:
    """Answer a list request; `filtered(session)` builds the query of its matches. A
    bounded request runs on the event loop, any other in the thread pool (`read`)."""

    def answer(session: Session) -> Response:
        query = filtered(session)
        return list_response(request, session, spec, query, params, renderers=renderers)

    return await read(request, answer, bounded=params.bounded)


async def detail_answer(
    request: Request,
    spec: ListSpec,
    slug: str,
    params: DetailParams,
    *,
    extra: Callable[[Session, str], dict[str, Any]] | None = None,
) -> Response:
    """Answer a detail request: a lookup by a unique slug, bounded, so on the event loop."""

    def answer(session: Session) -> Response:
        return detail_response(request, session, spec, slug, params, extra=extra)

    return await read(request, answer, bounded=True)


def list_response(
    request: Request,
    session: Session,
    spec: ListSpec,
    query: Select[Any],
    params: ListParams,
    *,
    renderers: dict[Format, Renderer] | None = None,
) -> Response:
    """Answer a list request in the negotiated format."""
    renderers = renderers or {}
    fmt = negotiate(request, params.format, LIST_FORMATS + tuple(renderers))
    keys, signature = spec.sort_keys(params.sort)
    exporting = fmt is not Format.json
    if exporting and params.page.limit is None:
        start = decode_cursor(params.page.cursor, signature, keys) if params.page.cursor else None
        return _stream(request, spec, query, params, fmt, renderers, keys, start)
    result = fetch_page(
        session, spec, query, keys=keys, page=params.page, signature=signature, count=params.count
    )
    next_url, headers = _next(request, result.next_cursor)
    if exporting:
        batch = shape(session, spec, result.rows, fields=params.fields, include=params.include)
        text = "".join(_render(fmt, spec, params, [batch], renderers))
        return Response(text, media_type=MEDIA_TYPES[fmt], headers=headers)
    meta = _meta(request, params.page.size, result.next_cursor, len(result.rows))
    if params.count:
        meta["count"] = result.count
    if params.facets:
        meta["facets"] = facet_counts(session, spec, query, params.facets)
    links = {"self": _address(request), "next": next_url}
    if needs_shaping(params.fields, params.include):
        data = to_json(
            shape(session, spec, result.rows, fields=params.fields, include=params.include)
        )
    else:  # the stored documents are the answer: join them, parse nothing
        data = json_array(result.rows)
    # One join: chained `+` copied the ~24 KB of a page once per piece.
    body = b"".join(
        (b'{"data":', data, b',"meta":', to_json(meta), b',"links":', to_json(links), b"}")
    )
    return Response(body, media_type="application/json", headers=headers)


def detail_response(
    request: Request,
    session: Session,
    spec: ListSpec,
    slug: str,
    params: DetailParams,
    *,
    extra: Callable[[Session, str], dict[str, Any]] | None = None,
) -> Response:
    """One record, shaped like a list's records; a 404 problem when there is none.

    `extra` adds fields that only the detail carries (a source's full text).
    """
    negotiate(request, None, (Format.json,))
    document = by_slug(session, spec, [slug]).get(slug)
    if document is None:
        raise NotFound(f"There is no {spec.kind} with slug {slug!r}.")
    if extra is None and not needs_shaping(params.fields, params.include):
        return Response(document, media_type="application/json")
    record = shape(session, spec, [document], fields=None, include=params.include)[0]
    if extra is not None:
        record.update(extra(session, slug))
    if params.fields:
        keep = {"slug", *params.fields}
        record = {k: v for k, v in record.items() if k in keep}
    return json_response(record)


def page_response(
    request: Request,
    data: Any,
    *,
    limit: int,
    next_cursor: str | None,
    returned: int,
    meta: dict[str, Any] | None = None,
) -> Response:
    """A page of something other than records (search hits, timeline years) in the envelope;
    `meta` adds what only that page type reports."""
    next_url, headers = _next(request, next_cursor)
    meta = {**_meta(request, limit, next_cursor, returned), **(meta or {})}
    links = {"self": _address(request), "next": next_url}
    return json_response({"data": data, "meta": meta, "links": links}, headers=headers)


def _next(request: Request, cursor: str | None) -> tuple[str | None, dict[str, str]]:
    """The next page's address, and the `Link` header that carries it: this request's
    address with its `cursor` replaced (a cursor is URL-safe as it is)."""
    if not cursor:
        return None, {}
    kept = [
        part
        for part in request.scope["query_string"].split(b"&")
        if part and part.partition(b"=")[0] != b"cursor"
    ]
    url = _address(request, b"&".join([*kept, b"cursor=" + cursor.encode()]))
    return url, {"Link": f'<{url}>; rel="next"'}


# What may stay bare in a query string we echo: the rest is percent-encoded, byte by
# byte, so a raw space, quote or `>` cannot break the Link header, and raw UTF-8 is
# escaped as itself rather than read as Latin-1.
_QUERY_SAFE = "=&%+/:,;@!$'()*-._~?"


def _address(request: Request, query: bytes | None = None) -> str:
    """This request's absolute address, with `query` instead of its own query string:
    what Starlette's `request.url` gives, from the same parts, without parsing them.
    (`scope["path"]` already holds any root path.)"""
    scope = request.scope
    if query is None:
        query = scope["query_string"]
    # Worked out once per request: `self` and `next` share it.
    base = scope.get(_BASE)
    if base is None:
        path = scope["path"].replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")
        base = scope[_BASE] = origin(request) + path
    return base + (f"?{quote(query, safe=_QUERY_SAFE)}" if query else "")


_BASE = "app.link_base"  # this service's own key in the ASGI scope


def origin(request: Request) -> str:
    """Where links start: `PUBLIC_BASE_URL` when the service sits behind a proxy that
    answers at another address, else the scheme and host this request came to (the
    server's own address when the Host header is missing or not a host)."""
    public = request.app.state.settings.public_base_url
    if public:
        return str(public).rstrip("/")
    scope = request.scope
    return f"{scope['scheme']}://{link_host(scope, request.headers.get('host'))}"


def _meta(request: Request, limit: int, next_cursor: str | None, returned: int) -> dict[str, Any]:
    return {
        "limit": limit,
        "next_cursor": next_cursor,
        "returned": returned,
        "data_version": getattr(request.state, "data_version", None),
    }


def _render(
    fmt: Format,
    spec: ListSpec,
    params: ListParams,
    batches: Iterable[list[dict[str, Any]]],
    renderers: dict[Format, Renderer],
) -> Iterator[str]:
    if fmt in renderers:
        return renderers[fmt](batches)
    if fmt is Format.csv:
        return csv_lines(csv_columns(spec.public_model, params.fields), batches)
    return ndjson_lines(batches)


def _utf8(document: str | bytes) -> bytes:
    return document if isinstance(document, bytes) else document.encode()


def _after(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    # A generator, not `itertools.chain`: closing it closes `rest` and its session.
    yield first
    yield from rest


def _stream(
    request: Request,
    spec: ListSpec,
    query: Select[Any],
    params: ListParams,
    fmt: Format,
    renderers: dict[Format, Renderer],
    keys: list[Any],
    start: list[Any] | None,
) -> StreamingResponse:
    engine = request.app.state.engine
    as_stored = not needs_shaping(params.fields, params.include)

    # The request's session closes before streaming ends; an export keeps its own.
    # Chunks are made into bytes here, in the worker thread, not on the event loop.
    def documents() -> Iterator[bytes]:
        with Session(engine) as session:
            for docs in iterate_batches(session, spec, query, keys=keys, start_after=start):
                yield b"".join(_utf8(d) + b"\n" for d in docs)

    def lines() -> Iterator[bytes]:
        with Session(engine) as session:
            yield from iterate_csv(session, spec, query, keys=keys, start_after=start)

    def batches() -> Iterator[list[dict[str, Any]]]:
        with Session(engine) as session:
            for docs in iterate_batches(session, spec, query, keys=keys, start_after=start):
                yield shape(session, spec, docs, fields=params.fields, include=params.include)

    body: Iterator[str | bytes]
    if as_stored and fmt is Format.ndjson:  # one stored document per line, as stored
        body = documents()
    elif as_stored and fmt is Format.csv and spec.documents:  # the stored CSV lines
        body = _after(csv_header(csv_columns(spec.public_model, None)).encode(), lines())
    else:
        body = _render(fmt, spec, params, batches(), renderers)
    extension = {Format.csv: "csv", Format.ndjson: "ndjson", Format.ics: "ics"}[fmt]
    return StreamingResponse(
        read_ahead(body),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'inline; filename="{spec.plural}.{extension}"'},
    )
