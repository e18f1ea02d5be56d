"""Helpers shared by the API tests: the curated files, page walks, problems, date spans."""

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlencode

import yaml
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine, event

from seeds.reading import SEEDS_DIR

# Resource path → curated file; `name` is the field each resource is titled by.
FILES = {
    "events": "events.yaml",
    "programmes": "programmes.yaml",
    "areas": "areas.yaml",
    "quotes": "quotes.yaml",
    "people": "people.yaml",
    "organisations": "organisations.yaml",
    "sources": "sources.yaml",
}
CITED = [resource for resource in FILES if resource != "sources"]


@cache
def _load(file: str) -> list[dict[str, Any]]:
    return yaml.safe_load((SEEDS_DIR / "data" / file).read_text(encoding="utf-8"))


def curated(file: str) -> list[dict[str, Any]]:
    """The records of one curated file (`events.yaml` or just `events`)."""
    return _load(file if file.endswith(".yaml") else FILES[file])


def by_slug(resource: str) -> dict[str, dict[str, Any]]:
    return {r["slug"]: r for r in curated(resource)}


def url(path: str, **params: Any) -> str:
    """`path?params`, repeating a parameter for each item of a list value."""
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def walk(client: TestClient, start: str) -> list[dict[str, Any]]:
    """Every record of a JSON list, following `links.next`; checks each page's paging."""
    records: list[dict[str, Any]] = []
    next_url: str | None = start
    visited: set[str] = set()
    while next_url:
        # A cursor that comes back would loop for ever: fail instead.
        assert next_url not in visited, f"the cursor repeats: {next_url}"
        visited.add(next_url)
        response = client.get(next_url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert set(body) == {"data", "meta", "links"}
        assert body["meta"]["returned"] == len(body["data"])
        records.extend(body["data"])
        next_url = body["links"]["next"]
        if next_url:
            assert response.headers["link"] == f'<{next_url}>; rel="next"'
            assert f"cursor={body['meta']['next_cursor']}" in next_url
        else:
            assert body["meta"]["next_cursor"] is None and "link" not in response.headers
    return records


def slugs(client: TestClient, path: str, **params: Any) -> list[str]:
    """The slugs a list serves for these parameters, in order, over every page."""
    return [r["slug"] for r in walk(client, url(path, limit=200, **params))]


def assert_problem(response: Response, status: int, param: str | None = None) -> dict[str, Any]:
    """An RFC 9457 problem with this status, naming `param` among its invalid parameters."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["type"].startswith("/problems/")
    assert problem["title"] and problem["detail"]
    if param is not None:
        names = [p["name"] for p in problem["invalid-params"]]
        assert any(n == param or n.startswith(param + ".") for n in names), names
    return problem


# --- Dates, worked out from the curated text, independently of the app ---------------


def partial_span(value: str) -> tuple[date, date]:
    """The first and last day that `2013`, `2013-04` or `2013-04-15` can mean."""
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    return date(*parts), date(*parts)


def curated_date(value: Any) -> dict[str, Any] | None:
    """A curated `date`/`in_force` as a mapping: a bare value is shorthand for its start."""
    if value is None:
        return None
    return value if isinstance(value, dict) else {"start": str(value)}


def record_span(value: Any) -> tuple[date, date | None] | None:
    """First and last day of a curated date; the last is None when it is open-ended."""
    spec = curated_date(value)
    if spec is None:
        return None
    first, _ = partial_span(spec["start"])
    _, last = partial_span(spec.get("end") or spec["start"])
    return first, None if spec.get("open_ended") else last


def overlaps(span: tuple[date, date | None] | None, low: date | None, high: date | None) -> bool:
    """Whether a record's span meets the inclusive range [low, high] (either may be open)."""
    if span is None:
        return False
    first, last = span
    if high is not None and first > high:
        return False
    return not (low is not None and last is not None and last < low)


# --- The area taxonomy -------------------------------------------------------------------


def area_and_descendants(slug: str) -> set[str]:
    """An area's slug and the slugs of every area beneath it, from areas.yaml."""
    found, frontier = {slug}, [slug]
    while frontier:
        parent = frontier.pop()
        for area in curated("areas"):
            if area["parent"] == parent and area["slug"] not in found:
                found.add(area["slug"])
                frontier.append(area["slug"])
    return found


def cited_by(resource: str, source: str) -> set[str]:
    """Slugs of the curated records of `resource` that cite `source`."""
    return {
        r["slug"] for r in curated(resource) if any(c["source"] == source for c in r["citations"])
    }


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements `engine` sends while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)
