"""Turning a list query into a response: a JSON page, or a streamed export."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from pydantic_core import to_json
from sqlalchemy import Select
from sqlmodel import Session

from app.core.errors import NotFound
from app.core.formats import MEDIA_TYPES, csv_columns, csv_lines, ndjson_lines, negotiate
from app.core.listing import ListSpec, PageResult, facet_counts, fetch_page, iterate_batches
from app.core.pagination import decode_cursor
from app.core.params import DetailParams, Format, ListParams
from app.core.shaping import shape

Renderer = Callable[[Iterable[list[dict[str, Any]]]], Iterator[str]]
LIST_FORMATS = (Format.json, Format.csv, Format.ndjson)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Serialise with pydantic-core (fast, and it knows dates and models)."""
    return Response(
        to_json(body), status_code=status, media_type="application/json", headers=headers
    )


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
        session, query, keys=keys, page=params.page, signature=signature, count=params.count
    )
    records = shape(
        session,
        spec,
        spec.hydrate(session, result.rows),
        fields=params.fields,
        include=params.include,
    )
    headers = {}
    next_url = _next_url(request, result)
    if next_url:
        headers["Link"] = f'<{next_url}>; rel="next"'
    if exporting:
        body = "".join(_render(fmt, spec, params, [records], renderers))
        return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
    meta: dict[str, Any] = {
        "limit": params.page.size,
        "next_cursor": result.next_cursor,
        "returned": len(records),
        "data_version": getattr(request.state, "data_version", None),
    }
    if params.count:
        meta["count"] = result.count
    if params.facets:
        meta["facets"] = facet_counts(session, spec, query, params.facets)
    links = {"self": str(request.url), "next": next_url}
    return json_response({"data": records, "meta": meta, "links": links}, headers=headers)


def detail_response(
    request: Request,
    session: Session,
    spec: ListSpec,
    record: BaseModel | None,
    slug: str,
    params: DetailParams,
) -> Response:
    """One record, shaped like a list's records; a 404 problem when there is none."""
    negotiate(request, None, (Format.json,))
    if record is None:
        raise NotFound(f"There is no {spec.kind} with slug {slug!r}.")
    shaped = shape(session, spec, [record], fields=params.fields, include=params.include)
    return json_response(shaped[0])


def _next_url(request: Request, result: PageResult) -> str | None:
    if not result.next_cursor:
        return None
    return str(request.url.include_query_params(cursor=result.next_cursor))


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

    def batches() -> Iterator[list[dict[str, Any]]]:
        # The request's session closes before streaming ends; the export keeps its own.
        with Session(engine) as session:
            for rows in iterate_batches(session, query, keys=keys, start_after=start):
                records = spec.hydrate(session, rows)
                yield shape(session, spec, records, fields=params.fields, include=params.include)

    extension = {Format.csv: "csv", Format.ndjson: "ndjson", Format.ics: "ics"}[fmt]
    return StreamingResponse(
        _render(fmt, spec, params, batches(), renderers),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'inline; filename="{spec.plural}.{extension}"'},
    )
