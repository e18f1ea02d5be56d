"""Links: the absolute addresses answers carry (`self`, `next`, the `Link` header, a
redirect's `Location`), on the host the client asked for when it is one we serve."""

import re
from typing import Any
from urllib.parse import quote

from fastapi import Request


def next_link(request: Request, cursor: str | None) -> tuple[str | None, dict[str, str]]:
    """The next page's address, and the `Link` header that carries it: this request's
    address with its `cursor` replaced (a cursor is URL-safe as it is)."""
    if not cursor:
        return None, {}
    kept = [
        part
        for part in request.scope["query_string"].split(b"&")
        if part and part.partition(b"=")[0] != b"cursor"
    ]
    url = address(request, b"&".join([*kept, b"cursor=" + cursor.encode()]))
    return url, {"Link": f'<{url}>; rel="next"'}


# What may stay bare in a query string we echo: the rest is percent-encoded, byte by byte,
# so a raw space, quote or `>` cannot break the Link header.
_QUERY_SAFE = "=&%+/:,;@!$'()*-._~?"


def address(request: Request, query: bytes | None = None, *, path: str | None = None) -> str:
    """This request's absolute address, with `query` instead of its own query string and
    `path` instead of its own path (`scope["path"]` already holds any root path)."""
    scope = request.scope
    if query is None:
        query = scope["query_string"]
    path = (scope["path"] if path is None else path).replace("?", "%3F").replace("#", "%23")
    path = path.replace("\\", "%5C")
    return origin(request) + path + (f"?{quote(query, safe=_QUERY_SAFE)}" if query else "")


def origin(request: Request) -> str:
    """Where links start: `PUBLIC_BASE_URL` when set, else the scheme and host this
    request came to (the server's own address when the Host header is not a host)."""
    settings = request.app.state.settings
    if settings.public_base_url:
        return str(settings.public_base_url).rstrip("/")
    scope = request.scope
    host = link_host(scope, request.headers.get("host"), settings.link_hosts)
    return f"{scope['scheme']}://{host}"


# A name (letters, digits, `-`, `_`; a trailing dot for a fully qualified name), an IPv4
# or a bracketed IPv6 address; then perhaps a port. Any other Host header (a space, a
# quote, `>`) would be written into every link, so links name the server instead.
_HOST = re.compile(
    r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?"
)


def link_host(scope: Any, header: str | None, allowed: frozenset[str]) -> str:
    """`header` (the request's Host) if it names a host among `allowed` (`*`: any), else
    the server's address. The ETag hashes this too, so other headers share one tag."""
    if header is not None and _is_host(header):
        if "*" in allowed or _name(header) in allowed:
            return header
    server = scope.get("server")
    if server is None:  # a Unix socket: no address of its own to name
        return "localhost"
    name, port = server
    if ":" in name:
        name = f"[{name}]"
    if port is None or (scope["scheme"], port) in (("http", 80), ("https", 443)):
        return str(name)
    return f"{name}:{port}"


def _is_host(header: str) -> bool:
    return _HOST.fullmatch(header) is not None


def _name(host: str) -> str:
    """A Host header's name without its port: `[::1]:8000` → `[::1]`, `a.org.:80` → `a.org`."""
    if host.startswith("["):
        return host[: host.index("]") + 1]
    return host.rpartition(":")[0].lower().rstrip(".") if ":" in host else host.lower().rstrip(".")
