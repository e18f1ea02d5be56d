"""HTTP caching: strong ETags from the data version and the request, 304s, and a store
of rendered answers.

The ETag is computed before the route runs, from what determines the answer — the
dataset's version, the path, the query, the negotiated representation and the host
links name — so a revalidation that matches costs no query and no rendering, and a
stored answer keyed by it can never be stale: a re-seed changes every key.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.http.links import link_host
from app.http.versions import DataVersion

# The data and its descriptions. Probes (/healthz, /readyz) must never be cached: they
# answer `Cache-Control: no-store` themselves; static assets carry StaticFiles' own tags.
CACHED_PREFIXES = ("/v1/", "/openapi.json", "/docs", "/redoc")


def _etag(version: str, scope: Scope, headers: dict[bytes, bytes], hosts: frozenset[str]) -> str:
    # No Accept header and "*/*" ask for the same representation, so share one tag. The
    # scheme and Host are part of it because answers carry absolute links.
    accept = headers.get(b"accept", b"").strip()
    if accept == b"*/*":
        accept = b""
    host = headers.get(b"host")
    digest = hashlib.sha256()
    for part in (
        __version__.encode(),  # a new version of the service may answer otherwise
        version.encode(),
        scope["scheme"].encode(),
        scope["path"].encode(),
        scope.get("query_string", b""),
        accept,
        # The host links name, not the raw header: headers that are not hosts all give
        # the same links, so they share one tag and one stored answer.
        link_host(scope, None if host is None else host.decode("latin-1"), hosts).encode(),
    ):
        digest.update(part + b"\0")
    return f'"{digest.hexdigest()[:32]}"'


def _matches(header: str, etag: str) -> bool:
    # If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".
    candidates = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in candidates or etag in candidates


def _headers_only(receive: Receive, send: Send) -> tuple[Receive, Send]:
    """HEAD: the answer's start, then its end at once. A body being streamed (an export,
    a data package) is then stopped as if the client had gone, so that a HEAD never costs
    the work of its GET: the app hears of the end through `receive`."""
    ended = anyio.Event()

    async def send_headers_only(message: Message) -> None:
        if message["type"] != "http.response.body":
            await send(message)
        elif not ended.is_set():
            ended.set()
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def receive_until_ended() -> Message:
        await ended.wait()
        return {"type": "http.disconnect"}

    return receive_until_ended, send_headers_only


@dataclass(frozen=True)
class Stored:
    """A whole answer, always a 200: no other is stored."""

    headers: list[tuple[bytes, bytes]]
    body: bytes


class AnswerStore:
    """Rendered answers of one process, keyed by ETag, evicted least recently used
    within a byte budget (0 turns it off)."""

    def __init__(self, max_bytes: int, max_entry_bytes: int = 1 << 20) -> None:
        self.max_bytes, self.max_entry_bytes = max_bytes, max_entry_bytes
        self._entries: OrderedDict[str, Stored] = OrderedDict()
        self._size = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Stored | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: Stored) -> None:
        if self.max_bytes <= 0 or len(entry.body) > self.max_entry_bytes or key in self._entries:
            return
        self._entries[key] = entry
        self._size += len(entry.body)
        while self._size > self.max_bytes and self._entries:
            _, evicted = self._entries.popitem(last=False)
            self._size -= len(evicted.body)


class CachingMiddleware:
    def __init__(
        self, app: ASGIApp, *, versions: DataVersion, max_age: int, store: AnswerStore,
        hosts: frozenset[str],
    ) -> None:  # fmt: skip
        self.app, self.versions, self.store, self.hosts = app, versions, store, hosts
        self.cache_control = f"public, max-age={max_age}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "HEAD":
            # The routes answer GET; HEAD is the same answer without its body.
            scope = {**scope, "method": "GET"}
            receive, send = _headers_only(receive, send)
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        current = await self.versions.get()
        if current is None:  # not seeded: nothing stable to validate against
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        etag = _etag(current.version, scope, headers, self.hosts)
        state = scope.setdefault("state", {})
        state["data_version"] = current.version
        state["data_stamp"] = current.stamp
        cache_headers = [
            (b"etag", etag.encode()),
            (b"cache-control", self.cache_control),
            (b"vary", b"Accept"),
            (b"last-modified", current.last_modified),
        ]
        if self._not_modified(headers, etag, current.seeded_at):
            await send({"type": "http.response.start", "status": 304, "headers": cache_headers})
            await send({"type": "http.response.body", "body": b""})
            return

        stored = self.store.get(etag)
        if stored is not None:
            state["answered_from"] = "store"
            await send({"type": "http.response.start", "status": 200, "headers": stored.headers})
            await send({"type": "http.response.body", "body": stored.body})
            return
        started: dict[str, Any] = {}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                message["headers"] = [*message.get("headers", []), *cache_headers]
                started["headers"] = message["headers"]
            elif message["type"] == "http.response.start" and message["status"] in (301, 410):
                # Where an old slug leads holds until a release changes it, as the data
                # does: kept as long, not for ever (a 301 with no freshness would be).
                fresh = [(b"cache-control", self.cache_control), (b"vary", b"Accept")]
                message["headers"] = [*message.get("headers", []), *fresh]
            elif message["type"] == "http.response.body" and started:
                # Only whole answers are kept; streamed exports pass through.
                if not message.get("more_body", False) and "streamed" not in started:
                    body = message.get("body", b"")
                    self.store.put(etag, Stored(started["headers"], body))
                started["streamed"] = True
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    def _not_modified(headers: dict[bytes, bytes], etag: str, seeded_at: Any) -> bool:
        if b"if-none-match" in headers:
            return _matches(headers[b"if-none-match"].decode("latin-1"), etag)
        since = headers.get(b"if-modified-since")
        if since:
            try:
                return bool(
                    parsedate_to_datetime(since.decode("latin-1"))
                    >= seeded_at.replace(microsecond=0)
                )
            except (TypeError, ValueError):
                return False
        return False
