"""What FastAPI's own request handling costs a route, in process: `make framework-cost`.

    .venv/bin/python -m bench.framework_cost [--requests 20000]

One app holds five routes that all answer the same constant bytes: a plain Starlette
route, and FastAPI routes taking the `Request` and zero, one, two or three async
dependencies that each take the `Request` too (a list route here takes two: its query
model and the `Database`). Each is called through the whole ASGI app, in process, in
rounds that alternate the routes; the medians are printed in microseconds a request.
The differences are the price of an ordinary FastAPI route and of each dependency
(docs/performance.md, "Where the targets stand").
"""

import argparse
import asyncio
import statistics
import sys
import time
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, Response
from starlette.routing import Route

BODY = b'{"ok":true}'


async def first(request: Request) -> int:
    return 1


async def second(request: Request) -> int:
    return 2


async def third(request: Request) -> int:
    return 3


One = Annotated[int, Depends(first)]
Two = Annotated[int, Depends(second)]
Three = Annotated[int, Depends(third)]


def build() -> FastAPI:
    app = FastAPI()

    @app.get("/fastapi-0")
    async def none(request: Request) -> Response:
        return Response(BODY, media_type="application/json")

    @app.get("/fastapi-1")
    async def one(request: Request, a: One) -> Response:
        return Response(BODY, media_type="application/json")

    @app.get("/fastapi-2")
    async def two(request: Request, a: One, b: Two) -> Response:
        return Response(BODY, media_type="application/json")

    @app.get("/fastapi-3")
    async def three(request: Request, a: One, b: Two, c: Three) -> Response:
        return Response(BODY, media_type="application/json")

    async def plain(request: Any) -> Response:
        return Response(BODY, media_type="application/json")

    app.router.routes.append(Route("/starlette", plain))
    return app


PATHS = ("/starlette", "/fastapi-0", "/fastapi-1", "/fastapi-2", "/fastapi-3")


async def _time(app: FastAPI, path: str, requests: int) -> float:
    """Microseconds a request to `path`, over `requests` calls of the ASGI app."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": b"limit=20", "headers": [(b"host", b"127.0.0.1")],
        "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000), "app": app,
    }  # fmt: skip
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    started = time.perf_counter()
    for _ in range(requests):
        await app(dict(scope), receive, send)
    elapsed = time.perf_counter() - started
    if set(statuses) != {200}:
        raise RuntimeError(f"{path} answered {sorted(set(statuses))}")
    return elapsed / requests * 1e6


async def measure(requests: int, rounds: int) -> dict[str, float]:
    app = build()
    times: dict[str, list[float]] = {path: [] for path in PATHS}
    for path in PATHS:  # warm up
        await _time(app, path, 500)
    for _ in range(rounds):
        for path in PATHS:
            times[path].append(await _time(app, path, requests))
    return {path: statistics.median(values) for path, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.framework_cost", description=__doc__)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    medians = asyncio.run(measure(args.requests, args.rounds))
    base = medians["/starlette"]
    print(f"median of {args.rounds} rounds of {args.requests:,} requests, in process")
    print("| route | µs a request | over a Starlette route |")
    print("|---|---:|---:|")
    for path, value in medians.items():
        print(f"| {path} | {value:.1f} | {value - base:+.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
