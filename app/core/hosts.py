"""The host a request's links name: its Host header when that is a host, else the
server's own address. Links and ETags both use it, so a header that is not a host can
neither be written into a link nor make answers that differ only by it."""

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

# A name (letters, digits, `-`, `_` as container names have; a trailing dot for a fully
# qualified name), an IPv4 address or a bracketed IPv6 address; then perhaps a port. Any
# other value (a space, a quote, `>`) would be written into every link and Link header.
_HOST = re.compile(
    r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?"
)


def link_host(scope: Mapping[str, Any], header: str | None) -> str:
    """`header` (the request's Host) if it names a host, else the server's address."""
    if header is not None and _is_host(header):
        return header
    return _server_host(scope["scheme"], scope.get("server"))


@lru_cache(maxsize=256)
def _is_host(header: str) -> bool:
    # A request asks three times (its ETag, `self`, `next`), and clients send the same
    # few values: 3% of a first page's worker time under load went to this match.
    return _HOST.fullmatch(header) is not None


def _server_host(scheme: str, server: tuple[str, int | None] | None) -> str:
    if server is None:  # a Unix socket: no address of its own to name
        return "localhost"
    name, port = server
    if ":" in name:
        name = f"[{name}]"
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return name
    return f"{name}:{port}"
