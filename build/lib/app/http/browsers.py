"""What browsers need of a public read API: any web page may read every answer (CORS),
and no answer is taken for another type than the one it declares (`nosniff`)."""

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# What a page on another origin may read of an answer, beyond the CORS-safelisted headers:
# what caching, paging and errors say.
EXPOSED = "ETag, Last-Modified, Link, Retry-After, Content-Disposition, X-Request-ID"
PREFLIGHT_MAX_AGE = "86400"  # a day: the methods and headers allowed never change
# On every answer, whatever the request: the same for every origin, so that a shared
# cache keeps one copy (no `Vary: Origin`). No credentials: the API has none.
ALWAYS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-expose-headers", EXPOSED.encode()),
    (b"x-content-type-options", b"nosniff"),
]


class BrowserHeaders:
    """Adds `ALWAYS` to every answer, and answers CORS preflights (an `OPTIONS` with an
    `Origin` and `Access-Control-Request-Method`) for reads; any other `OPTIONS` goes on
    to the app, which answers 405."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":  # read the headers only for what may be a preflight
            headers = Headers(scope=scope)
            if "origin" in headers and "access-control-request-method" in headers:
                await _preflight(headers, send)
                return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], *ALWAYS]
            await send(message)

        await self.app(scope, receive, sending)


async def _preflight(headers: Headers, send: Send) -> None:
    """204, allowing reads with whatever headers were asked for (a browser refuses any
    other method itself, since it is not among those allowed)."""
    allowed = [
        *ALWAYS,
        (b"access-control-allow-methods", b"GET, HEAD"),
        (b"access-control-max-age", PREFLIGHT_MAX_AGE.encode()),
    ]
    asked = headers.get("access-control-request-headers")
    if asked:
        allowed.append((b"access-control-allow-headers", asked.encode("latin-1")))
    await send({"type": "http.response.start", "status": 204, "headers": allowed})
    await send({"type": "http.response.body", "body": b""})
