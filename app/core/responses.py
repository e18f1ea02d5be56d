"""Building list envelopes and their paging links."""

from typing import Any

from fastapi import Request, Response

from app.core.listing import PageResult
from app.core.pagination import Page
from app.core.schemas import ListLinks, ListMeta


def envelope(
    request: Request, response: Response, data: list[Any], result: PageResult, page: Page
) -> dict[str, Any]:
    """The `{data, meta, links}` envelope; sets the `Link: rel="next"` header too."""
    next_url = None
    if result.next_cursor:
        next_url = str(request.url.include_query_params(cursor=result.next_cursor))
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    meta = ListMeta(
        limit=page.limit,
        next_cursor=result.next_cursor,
        count=result.count,
        returned=len(data),
        data_version=getattr(request.state, "data_version", None),
    )
    return {
        "data": data,
        "meta": meta,
        "links": ListLinks(self=str(request.url), next=next_url),
    }
