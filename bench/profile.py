"""Profile a hot route end to end: the whole ASGI app, called in-process, many times.

    DATABASE_URL=sqlite:///var/scale-1000000.db RESPONSE_CACHE_MB=0 \\
      .venv/bin/python -m pyinstrument -r text -o docs/profiles/filtered.txt \\
      -m bench.profile filtered 20

Cases: first-page, filtered, search, export (the full CSV of events: run it once). Sync
routes normally run in the thread pool, which a sampling profiler of the main thread does
not see, so here they run on the calling thread; the profile holds everything a request
costs except the pool hop and the HTTP parsing.
"""

import asyncio
import sys
import time
from typing import Any

import anyio.to_thread

from app.main import create_app

CASES = {
    "first-page": ("/v1/events", "limit=20"),
    "filtered": ("/v1/events", "area=cyber-defence&from=2013&to=2016&limit=20"),
    "search": ("/v1/search", "q=maritime%20security&limit=20"),
    "export": ("/v1/events.csv", ""),
}


async def _on_this_thread(func: Any, *args: Any, **_: Any) -> Any:
    return func(*args)


async def call(app: Any, path: str, query: str) -> tuple[int, int]:
    """The status and the number of lines of the body."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "path": path, "raw_path": path.encode(), "query_string": query.encode(),
        "headers": [(b"host", b"127.0.0.1:8000")], "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000), "scheme": "http", "root_path": "",
    }  # fmt: skip
    status = lines = 0

    requested = False

    async def receive() -> dict[str, Any]:
        # The request once; then, like a client that stays, nothing until the answer ends
        # (a streamed answer listens for a disconnect all the while).
        nonlocal requested
        if requested:
            await asyncio.Event().wait()
        requested = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, lines
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            lines += message.get("body", b"").count(b"\n")

    await app(scope, receive, send)
    return status, lines


async def main() -> None:
    case, repeats = sys.argv[1], int(sys.argv[2])
    anyio.to_thread.run_sync = _on_this_thread  # type: ignore[assignment]
    app = create_app()
    path, query = CASES[case]
    status, lines = await call(app, path, query)  # warms the caches
    assert status == 200, status
    started = time.perf_counter()
    for _ in range(repeats):
        await call(app, path, query)
    seconds = (time.perf_counter() - started) / repeats
    print(f"{case}: {seconds * 1000:.2f} ms per request", file=sys.stderr)
    if case == "export":
        print(f"export: {lines:,} lines, {lines / seconds:,.0f} lines/s", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
