"""The answer store: rendered answers kept per process, keyed by their strong ETag, least
recently used out first within a byte budget, and never stale (a new data version
changes every key).

The one module that tests the store: the shared `client` fixture runs with it off.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine
from sqlmodel import Session

from app.core.config import Settings
from app.core.db import Database
from app.core.engine import make_engine
from app.core.models import DatasetVersion, metadata
from app.http.caching import AnswerStore, Stored
from app.main import create_app


def entry(size: int) -> Stored:
    return Stored([(b"content-type", b"application/json")], b"x" * size)


@contextmanager
def reads(client: TestClient) -> Iterator[list[str]]:
    """The database reads the app makes while the block runs (every query a request
    sends goes through its `Database`: `read` for a page or record, `iterate` for an
    export)."""
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    seen: list[str] = []
    read, iterate = database.read, database.iterate

    async def recorded_read(work: Any, *, bounded: bool) -> Any:
        seen.append("read")
        return await read(work, bounded=bounded)

    def recorded_iterate(work: Any) -> Any:
        seen.append("iterate")
        return iterate(work)

    database.read, database.iterate = recorded_read, recorded_iterate  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        del database.read, database.iterate


def get(client: TestClient, path: str, **headers: str) -> tuple[Response, list[str]]:
    """The answer to GET `path`, and the database reads that answering it made."""
    with reads(client) as seen:
        response = client.get(path, headers=headers)
    return response, seen


def same_answer(one: Response, two: Response) -> bool:
    """The same status, body and headers, but the request's own id."""

    def kept(response: Response) -> list[tuple[str, str]]:
        return [(k, v) for k, v in response.headers.multi_items() if k != "x-request-id"]

    return (one.status_code, one.content, kept(one)) == (two.status_code, two.content, kept(two))


@pytest.fixture(scope="module")
def storing(seeded_url: str) -> Iterator[TestClient]:
    """The app on the seeded data with a 64 MB store. It trusts its reading of the data
    version for an hour, so that the SQL of a request is only ever its route's."""
    app = create_app(
        Settings(
            database_url=seeded_url, response_cache_mb=64, data_version_ttl=3600, allowed_hosts="*"
        )
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    app.state.engine.dispose()


class TestAnswerStore:
    def test_keeps_answers_within_its_byte_budget(self):
        store = AnswerStore(max_bytes=300)
        for key in "abc":
            store.put(key, entry(100))
        assert len(store) == 3
        assert all(store.get(key) == entry(100) for key in "abc")

    def test_evicts_the_least_recently_used_beyond_its_budget(self):
        store = AnswerStore(max_bytes=250)
        store.put("a", entry(100))
        store.put("b", entry(100))
        store.put("c", entry(100))
        assert store.get("a") is None
        assert store.get("b") is not None and store.get("c") is not None
        assert len(store) == 2

    def test_get_makes_an_entry_the_most_recently_used(self):
        store = AnswerStore(max_bytes=250)
        store.put("a", entry(100))
        store.put("b", entry(100))
        assert store.get("a") is not None  # a is now the most recent: b goes first
        store.put("c", entry(100))
        assert store.get("b") is None
        assert store.get("a") is not None and store.get("c") is not None

    def test_an_answer_over_the_per_entry_cap_is_not_kept(self):
        store = AnswerStore(max_bytes=1000, max_entry_bytes=10)
        store.put("big", entry(11))
        store.put("fits", entry(10))
        assert store.get("big") is None and store.get("fits") is not None
        assert len(store) == 1

    def test_a_zero_budget_turns_it_off(self):
        store = AnswerStore(max_bytes=0)
        store.put("a", entry(1))
        assert store.get("a") is None and len(store) == 0

    def test_an_unknown_key_is_a_miss(self):
        assert AnswerStore(max_bytes=100).get("never-put") is None


class TestRepeatedRequests:
    @pytest.mark.parametrize(
        "path",
        [
            "/v1/events?limit=3&facets=kind",
            "/v1/events/ipcp-signing-2014",
            "/v1/areas.csv?limit=2",  # an export page, not streamed
            "/v1/events?q=cyber&limit=2",  # a list searched in the database
        ],
    )
    def test_a_repeated_request_is_answered_from_the_store_without_reading_the_database(
        self, storing: TestClient, path: str
    ):
        first, rendering = get(storing, path)
        second, answering = get(storing, path)
        assert first.status_code == 200 and rendering
        assert answering == []
        assert same_answer(first, second)

    def test_a_stored_answer_is_the_one_an_app_without_the_store_gives(
        self, storing: TestClient, client: TestClient
    ):
        path = "/v1/events?limit=4&facets=kind"
        storing.get(path)
        stored, answering = get(storing, path)
        plain = client.get(path)
        assert answering == []
        assert stored.content == plain.content
        for name in ("etag", "link", "content-type", "cache-control", "vary", "last-modified"):
            assert stored.headers[name] == plain.headers[name]

    def test_a_head_after_a_get_is_answered_from_the_store_without_a_body(
        self, storing: TestClient
    ):
        path = "/v1/programmes?limit=2"
        got = storing.get(path)
        with reads(storing) as answering:
            head = storing.head(path)
        assert answering == []
        assert head.status_code == 200 and head.content == b""
        assert head.headers["etag"] == got.headers["etag"]
        assert head.headers["link"] == got.headers["link"]

    @pytest.mark.parametrize("path", ["/v1/events.ndjson?kind=summit", "/v1/areas.csv"])
    def test_streamed_exports_are_never_stored(self, storing: TestClient, path: str):
        first, rendering = get(storing, path)
        second, answering = get(storing, path)
        assert first.status_code == 200 and first.content
        assert rendering and answering
        assert second.content == first.content

    def test_problems_are_not_stored(self, storing: TestClient):
        first, rendering = get(storing, "/v1/events/no-such-event")
        second, answering = get(storing, "/v1/events/no-such-event")
        assert first.status_code == second.status_code == 404
        assert rendering and answering

    def test_with_the_store_off_every_request_reads_the_database(self, client: TestClient):
        path = "/v1/quotes?limit=2"
        client.get(path)
        repeated, answering = get(client, path)
        assert repeated.status_code == 200 and answering


class TestKeys:
    def test_answers_for_other_hosts_are_stored_apart(self, storing: TestClient):
        path = "/v1/people?limit=2"
        one, _ = get(storing, path, host="a.example")
        two, rendering = get(storing, path, host="b.example")
        assert rendering
        assert one.json()["links"]["self"] == f"http://a.example{path}"
        assert two.json()["links"]["self"] == f"http://b.example{path}"
        again, answering = get(storing, path, host="a.example")
        assert answering == [] and same_answer(again, one)

    def test_host_headers_that_are_not_hosts_share_the_servers_entry(self, storing: TestClient):
        # Their links all name the server's own address: one answer, one entry.
        path = "/v1/people?limit=3"
        first, rendering = get(storing, path, host="a b")
        assert rendering
        for host in ("<x>", 'evil>"x', "testserver"):
            again, answering = get(storing, path, host=host)
            assert answering == [] and same_answer(again, first)
        assert first.json()["links"]["self"] == f"http://testserver{path}"

    def test_answers_for_other_accept_headers_are_stored_apart(self, storing: TestClient):
        path = "/v1/organisations?limit=2"
        as_json, _ = get(storing, path, accept="application/json")
        refused, _ = get(storing, path, accept="text/csv")
        # The stored JSON is not what a client refusing JSON gets: it gets its 406.
        assert refused.status_code == 406
        again, answering = get(storing, path, accept="application/json")
        assert answering == [] and same_answer(again, as_json)

    def test_no_accept_and_any_type_share_one_entry(self, storing: TestClient):
        path = "/v1/organisations?limit=3"
        anything, _ = get(storing, path, accept="*/*")
        request = storing.build_request("GET", path)
        del request.headers["accept"]
        with reads(storing) as answering:
            untyped = storing.send(request)
        assert answering == [] and same_answer(untyped, anything)

    def test_answers_over_other_schemes_are_stored_apart(self, storing: TestClient):
        # The same address asked over http first: an https answer must not reuse its links.
        path = "/v1/events?limit=4&kind=signing"
        plain, _ = get(storing, f"http://testserver{path}")
        secure, rendering = get(storing, f"https://testserver{path}")
        assert rendering
        assert plain.json()["links"]["self"] == f"http://testserver{path}"
        assert secure.json()["links"]["self"] == f"https://testserver{path}"


@pytest.fixture
def version_only(empty_url: str) -> Iterator[Engine]:
    """A new database holding the data version's table alone, with no version yet."""
    engine = make_engine(Settings(database_url=empty_url))
    metadata.create_all(engine, tables=[DatasetVersion.__table__])  # type: ignore[attr-defined]
    yield engine
    engine.dispose()


def write_version(engine: Engine, version: str) -> None:
    """Record a new data version, as the seed loader does with the data it writes."""
    with Session(engine) as session:
        session.merge(DatasetVersion(id=1, version=version, seeded_at=datetime.now(UTC)))
        session.commit()


class TestANewDataVersion:
    def test_changes_every_key_so_no_stored_answer_is_ever_stale(self, version_only: Engine):
        url = version_only.url.render_as_string(hide_password=False)
        app = create_app(Settings(database_url=url, response_cache_mb=64, data_version_ttl=0))
        renders: list[str] = []

        # A route of its own, under /v1/ like the data's, that counts its renderings.
        async def rendered() -> dict[str, int]:
            renders.append("rendered")
            return {"rendering": len(renders)}

        app.add_api_route("/v1/renderings", rendered)
        try:
            with TestClient(app) as client:
                write_version(version_only, "v1")
                first, stored = client.get("/v1/renderings"), client.get("/v1/renderings")
                write_version(version_only, "v2")
                after, stored_after = client.get("/v1/renderings"), client.get("/v1/renderings")
        finally:
            app.state.engine.dispose()
        assert len(renders) == 2
        assert first.json() == stored.json() == {"rendering": 1}
        assert after.json() == stored_after.json() == {"rendering": 2}
        assert after.headers["etag"] != first.headers["etag"]
        assert same_answer(stored_after, after)
