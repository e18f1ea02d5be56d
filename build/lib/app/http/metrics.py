"""The Prometheus metrics served at `/metrics` (summed over worker processes when
`PROMETHEUS_MULTIPROC_DIR` is set, as the official client's multiprocess mode needs)."""

import os
from collections import OrderedDict
from typing import Any

from fastapi import Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.types import Scope

REQUESTS = Counter("api_requests_total", "Requests answered.", ["route", "method", "status"])
LATENCY = Histogram(
    "api_request_duration_seconds",
    "Time from the request to the end of its answer.",
    ["route", "method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ANSWERED_FROM = Counter(
    "api_answers_total",
    "Answers by where they came from: rendered, the answer store, or a 304.",
    ["source"],
)
FAILURES = Counter(
    "api_failures_total", "Requests that failed unexpectedly, by the exception's type.", ["kind"]
)
DATASET = Gauge(
    "api_dataset_info",
    "The dataset version served (1 for the version in the label).",
    ["version"],
    multiprocess_mode="liveall",
)

# The methods a label may name; any other is OTHER, so that a client cannot grow the
# metrics without bound by inventing methods.
METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
# Path -> route template, for answers given before routing (304s, stored answers).
_TEMPLATES: OrderedDict[str, str] = OrderedDict()
_TEMPLATES_KEPT = 4096
_CHILDREN: dict[tuple[Any, tuple[str, ...]], Any] = {}


def counted(metric: Any, *labels: str) -> Any:
    """`metric.labels(*labels)`, kept: the client's lookup takes a lock and checks every
    label, on every request."""
    key = (metric, labels)
    child = _CHILDREN.get(key)
    if child is None:
        child = _CHILDREN[key] = metric.labels(*labels)
    return child


def route_label(scope: Scope) -> str:
    """The template of the route that answered (`/v1/events/{slug}`), so that labels stay
    few; learnt from routed requests for the answers given before routing."""
    path = scope["path"]
    route = scope.get("route")
    if route is not None:
        _TEMPLATES[path] = route.path
        if len(_TEMPLATES) > _TEMPLATES_KEPT:
            _TEMPLATES.popitem(last=False)
        return str(route.path)
    return _TEMPLATES.get(path, "unrouted")


async def metrics(request: Request) -> Response:
    """The metrics of this process, or of every worker when several share the directory
    named by `PROMETHEUS_MULTIPROC_DIR`."""
    current = await request.app.state.versions.get()
    if current is not None:
        DATASET.clear()
        DATASET.labels(current.version).set(1)
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest()
    return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})
