"""Profile the work behind a hot route in the main thread (routes run in a thread pool,
which a sampling profiler of the event loop does not see).

    DATABASE_URL=sqlite:///var/scale-1000000.db RESPONSE_CACHE_MB=0 \\
      .venv/bin/python -m pyinstrument -r text -o docs/profiles/filtered.txt \\
      -m bench.profile filtered 3

Cases: first-page, filtered, search. FastAPI's own cost per request (parameters, thread
pool) is not in these profiles; it is the difference with the benchmark's figures.
"""

import sys
import time
from typing import Any

from sqlmodel import Session
from starlette.requests import Request

from app.core.pagination import Page
from app.core.params import date_range, list_params
from app.core.responses import list_response
from app.events import service as events
from app.main import create_app
from app.search import service as search

app = create_app()


def _request(path: str) -> Request:
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"",
             "headers": [(b"host", b"127.0.0.1")], "server": ("127.0.0.1", 80), "scheme": "http",
             "root_path": "", "app": app, "state": {}}  # fmt: skip
    return Request(scope)


def run(case: str) -> Any:
    with Session(app.state.engine) as session:
        if case == "search":
            return search.search(
                session, q="maritime security", types=list(search.PATHS), page=Page(20, None)
            )
        filters = events.EventFilters()
        if case == "filtered":
            dates = date_range(from_="2013", to="2016")
            filters = events.EventFilters(area=["cyber-defence"], dates=dates)
        query = events.filtered(session=session, filters=filters)
        params = list_params(events.SPEC)(limit=20)
        return list_response(_request("/v1/events"), session, events.SPEC, query, params)


def main() -> None:
    case, repeats = sys.argv[1], int(sys.argv[2])
    run(case)  # warm the caches first
    started = time.perf_counter()
    for _ in range(repeats):
        run(case)
    per_call = (time.perf_counter() - started) / repeats * 1000
    print(f"{case}: {per_call:.2f} ms per call", file=sys.stderr)


if __name__ == "__main__":
    main()
