"""Answers: the one format a route answers in (and the 406 for a client that accepts
none of it), a list's page, an export, one record, or where a record went."""

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import Request, Response
from pydantic_core import to_json
from sqlmodel import Session

from app.core.db import Database
from app.core.errors import Gone, NotAcceptable, NotFound
from app.core.models import MEDIA_TYPES, Format, Resource
from app.core.orders import encode_cursor
from app.core.releases import whereabouts
from app.http.exports import Renderer, export_all, export_page
from app.http.links import address, next_link
from app.query.documents import StoredExport
from app.query.lists import Listed
from app.query.shapes import Page, Shape

# Other names clients use for a format's media type.
_ALSO_NAMED = {Format.ndjson: ("application/ndjson", "application/jsonl")}


def accept(request: Request, fmt: Format) -> None:
    """A 406 unless the Accept header (if any) admits `fmt`: each route answers in one
    format, so a client asking for another learns it at once."""
    header = request.headers.get("accept", "")
    if not header.strip():
        return
    names = (MEDIA_TYPES[fmt].split(";")[0], *_ALSO_NAMED.get(fmt, ()))
    for media in _admitted(header):
        if media in ("*/*", *names):
            return
        if media.endswith("/*") and any(name.startswith(media[:-1]) for name in names):
            return
    raise NotAcceptable(f"Cannot answer with {header!r}; this resource offers {names[0]}.")


def _admitted(header: str) -> Iterator[str]:
    """The media ranges of an Accept header, but those it refuses (`q=0`)."""
    for item in header.lower().split(","):
        media, *params = (part.strip() for part in item.split(";"))
        quality = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            if float(quality) > 0:
                yield media
        except ValueError:
            continue


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Serialise with pydantic-core (fast, and it knows dates and models)."""
    return Response(
        to_json(body), status_code=status, media_type="application/json", headers=headers
    )


async def list_answer(
    request: Request,
    db: Database,
    page: Page[Any],
    read: Callable[[Session, Page[Any]], Listed],
    *,
    bounded: bool | None = None,
) -> Response:
    """A list route's answer: the page the service's `read` finds, as JSON. The page is
    read on the event loop when `bounded` (by default: when the page says so)."""
    accept(request, Format.json)
    found = await db.read(
        lambda s: read(s, page), bounded=page.bounded if bounded is None else bounded
    )
    return list_page(request, page, found)


async def export_answer(
    request: Request,
    db: Database,
    page: Page[Any],
    resource: Resource,
    read: Callable[[Session, Page[Any]], Listed],
    export: Callable[[Session, Page[Any]], StoredExport],
    fmt: Format,
    *,
    renderer: Renderer | None = None,
) -> Response:
    """An export route's answer in `fmt`: with no `limit=`, every match (`export`),
    streamed; with one, the page `read` finds, and a `Link` to the next."""
    accept(request, fmt)
    if page.limit is None:
        matches = await db.read(lambda s: export(s, page), bounded=False)
        return await export_all(db, matches, page, fmt, renderer)
    found = await db.read(lambda s: read(s, page), bounded=False)
    link = next_link(request, _cursor(page, found))[1]
    return export_page(resource, page, found, fmt, renderer, headers=link)


async def record_answer(
    request: Request, db: Database, resource: Resource,
    read: Callable[[Session, str, Shape], str | dict[str, Any] | None], slug: str, shape: Shape,
) -> Response:  # fmt: skip
    """A detail route's answer: the record the service's `read` finds by slug (an index
    seek, so on the event loop), or where it went (`not_here`)."""
    accept(request, Format.json)
    found = await db.read(lambda s: read(s, slug, shape), bounded=True)
    if found is None:
        return await not_here(request, db, resource, slug)
    return record(found)


async def not_here(
    request: Request, db: Database, resource: Resource, slug: str, *, segment: int = -1
) -> Response:
    """The answer for a slug that names no record of `resource`: a 301 to the record that
    was known by it (renamed or merged), a 410 naming the release that removed it, or a
    404 if no record ever had it. The slug is the path's `segment` (counted from the end)."""
    went = await db.read(
        lambda s: whereabouts(s, resource.kind, resource.table, slug), bounded=True
    )
    if went is not None and went.moved_to is not None:
        parts = request.scope["path"].split("/")
        parts[segment] = went.moved_to
        return Response(
            status_code=301, headers={"Location": address(request, path="/".join(parts))}
        )
    if went is not None and went.gone_in is not None:
        release = went.gone_in
        raise Gone(
            f"The {resource.kind} {slug!r} was {went.how} in release {release.number} "
            f"({release.version}, {release.made_at_utc:%Y-%m-%d}).",
            release=release.version,
        )
    raise NotFound(f"There is no {resource.kind} with slug {slug!r}.")


def list_page(request: Request, page: Page[Any], found: Listed) -> Response:
    """A page of records in the list envelope. Stored documents are joined as they are,
    parsing none of them."""
    cursor = _cursor(page, found)
    next_url, headers = next_link(request, cursor)
    meta = _meta(request, page.size, cursor, len(found.records))
    if page.count:
        meta["count"] = found.count
    if page.facets:
        meta["facets"] = found.facets
    links = {"self": address(request), "next": next_url}
    if page.shape.as_stored:
        data = b"[%b]" % b",".join(d if d.__class__ is bytes else d.encode() for d in found.records)
    else:
        data = to_json(found.records)
    # One join: chained `+` copied the page once per piece.
    body = b"".join(
        (b'{"data":', data, b',"meta":', to_json(meta), b',"links":', to_json(links), b"}")
    )
    return Response(body, media_type="application/json", headers=headers)


def other_page(
    request: Request,
    data: Any,
    *,
    limit: int,
    next_cursor: str | None,
    returned: int,
    meta: dict[str, Any] | None = None,
) -> Response:
    """A page of something other than records (search hits, timeline years)."""
    next_url, headers = next_link(request, next_cursor)
    meta = {**_meta(request, limit, next_cursor, returned), **(meta or {})}
    links = {"self": address(request), "next": next_url}
    return json_response({"data": data, "meta": meta, "links": links}, headers=headers)


def record(document: str | dict[str, Any]) -> Response:
    """One record: its stored document as it is, or a reshaped one."""
    if isinstance(document, str):
        return Response(document, media_type="application/json")
    return json_response(document)


def _meta(request: Request, limit: int, next_cursor: str | None, returned: int) -> dict[str, Any]:
    return {
        "limit": limit,
        "next_cursor": next_cursor,
        "returned": returned,
        "data_version": getattr(request.state, "data_version", None),
    }


def _cursor(page: Page[Any], found: Listed) -> str | None:
    return encode_cursor(page.order.signature, found.next_after) if found.next_after else None
