"""What operators see of each request: an id (taken from `X-Request-ID` or made, echoed,
and bound to every log line of the request), one JSON log line, and its metrics
(`app/http/metrics.py`)."""

import asyncio
import itertools
import os
import re
import sys
import time
import uuid
from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any

import structlog
from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic_core import to_json
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http.metrics import (
    ANSWERED_FROM,
    FAILURES,
    LATENCY,
    METHODS,
    REQUESTS,
    counted,
    metrics,
    route_label,
)

log = structlog.get_logger("api")

# Ids made here: this process's random half, then a serial number; unique without a
# random draw (a system call) per request (docs/performance.md). A forked worker draws
# its own half.
_PROCESS = uuid.uuid4().hex[:16]
_SERIAL = itertools.count()


def _new_process() -> None:
    global _PROCESS, _SERIAL
    _PROCESS, _SERIAL = uuid.uuid4().hex[:16], itertools.count()


os.register_at_fork(after_in_child=_new_process)
# An id a client may choose: what log search and headers carry safely, nothing more.
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class RequestTelemetry:
    """Times and counts each request, logs it as one JSON line, and gives it an id."""

    def __init__(
        self, app: ASGIApp, *, log_requests: bool = True, fixed: frozenset[str] = frozenset()
    ) -> None:
        self.app, self.log_requests, self.fixed = app, log_requests, fixed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _CLIENT_ID.fullmatch(given) else f"{_PROCESS}{next(_SERIAL):016x}"
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:  # answered as a 500 problem further out; counted here
            FAILURES.labels(type(exc).__name__).inc()
            log.error("failed", error=type(exc).__name__)
            raise
        finally:
            took = time.perf_counter() - started
            route = scope["path"] if scope["path"] in self.fixed else route_label(scope)
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            counted(REQUESTS, route, method, str(status)).inc()
            counted(LATENCY, route, method).observe(took)
            state = scope.get("state", {})
            if "failure" in state:  # answered, but for want of something: the database
                counted(FAILURES, state["failure"]).inc()
            answered = state.get("answered_from", "rendered")
            answered = "not-modified" if status == 304 else answered
            counted(ANSWERED_FROM, answered).inc()
            if self.log_requests:
                line = {
                    "event": "request",
                    "level": "info",
                    "timestamp": _now(),
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "ms": round(took * 1000, 2),
                    "answered_from": answered,
                }
                REQUEST_LINES.add(to_json(line) + b"\n")
            structlog.contextvars.clear_contextvars()


class LineBuffer:
    """Request lines, written out together when `limit` bytes are waiting and at least
    every `FLUSH_EVERY_S` seconds (`flush_now_and_then`, run by the app's lifespan), not
    with a write per request (what that cost: docs/performance.md). Error lines are
    written at once, through structlog."""

    def __init__(self, limit: int = 1 << 16) -> None:
        self.limit, self.pending = limit, bytearray()

    def add(self, line: bytes) -> None:
        self.pending += line
        if len(self.pending) >= self.limit:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            out = sys.stdout.buffer  # whatever stdout is now (tests capture it)
            out.write(bytes(self.pending))
            out.flush()
            self.pending.clear()


REQUEST_LINES = LineBuffer()
FLUSH_EVERY_S = 0.5


async def flush_now_and_then() -> None:
    """Flush the request lines every `FLUSH_EVERY_S` seconds, until cancelled (and then)."""
    try:
        while True:
            await asyncio.sleep(FLUSH_EVERY_S)
            REQUEST_LINES.flush()
    finally:
        REQUEST_LINES.flush()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")[:-6] + "Z"


def _timestamp(_: object, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    event["timestamp"] = _now()
    return event


def _json(event: Any, **_: Any) -> bytes:
    return to_json(event, fallback=str)


def install_telemetry(app: FastAPI, *, log_requests: bool) -> None:
    """JSON logs, `/metrics` (left out of the OpenAPI document: it is for Prometheus, not
    for API clients), and the middleware, outside every other so that 304s, stored answers
    and preflights are counted too."""
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            _timestamp,
            # pydantic-core's JSON (bytes, written as they are): several times faster than
            # the standard library's, on a line written for every request.
            structlog.processors.JSONRenderer(serializer=_json),
        ],
        # Made for each line, not kept: it writes to whatever `sys.stdout` is then.
        logger_factory=structlog.BytesLoggerFactory(),
    )
    app.add_api_route("/metrics", metrics, methods=["GET"], include_in_schema=False)
    # Routes that are not FastAPI's (the document, the docs pages) set no route in the
    # scope; their paths have no parameters, so each is its own label.
    fixed = frozenset(
        route.path
        for route in app.router.routes
        if isinstance(route, Route) and not isinstance(route, APIRoute) and "{" not in route.path
    )
    app.add_middleware(RequestTelemetry, log_requests=log_requests, fixed=fixed)
