"""HTTP caching as a client sees it: strong ETags from the data version and the request,
304s, Cache-Control, Vary and Last-Modified, HEAD, and the data version behind them.

The `client` fixture runs with the answer store off, so every answer here is rendered
by its route; tests/http/test_answer_store.py tests the store.
"""

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine
from sqlmodel import Session

from app.core.config import Settings
from app.core.engine import make_engine
from app.core.models import DatasetVersion, metadata
from app.main import create_app
from tests.support import statements

GETS = [
    "/v1/events",
    "/v1/events.csv?kind=summit",
    "/v1/events/ipcp-signing-2014",
    "/v1/programmes",
    "/v1/programmes/nato-trust-funds",
    "/v1/areas",
    "/v1/areas/cyber-defence",
    "/v1/quotes",
    "/v1/people",
    "/v1/organisations",
    "/v1/sources",
    "/v1/sources/blog-2014-05-07-ipcp-signing",
    "/v1/sources/blog-2014-05-07-ipcp-signing/citations",
    "/v1/search?q=cyber",
    "/v1/timeline",
    "/docs",  # not only the data: the pages that describe the API too
]
STRONG_ETAG = re.compile(r'^"[^"]+"$')
PAGE = "/v1/events?limit=1"


def without_accept(client: TestClient, path: str, **headers: str) -> Response:
    """GET `path` sending no Accept header at all (the client sends `*/*` by default)."""
    request = client.build_request("GET", path, headers=headers)
    del request.headers["accept"]
    return client.send(request)


def http_date(moment: Any) -> str:
    return format_datetime(moment, usegmt=True)


@pytest.fixture(scope="module")
def fresh(client: TestClient) -> Callable[[str], Response]:
    """The answer to a plain GET of an address, asked once per back-end: the tests that
    only read it, or revalidate against it, share one request."""
    answers: dict[str, Response] = {}

    def answer(path: str) -> Response:
        if path not in answers:
            answers[path] = client.get(path)
        return answers[path]

    return answer


@pytest.fixture(scope="module")
def trusting(seeded_url: str) -> Iterator[TestClient]:
    """A second app on the seeded data that trusts its reading of the data version for an
    hour, so that a request's SQL is the route's own."""
    app = create_app(Settings(database_url=seeded_url, response_cache_mb=0, data_version_ttl=3600))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    app.state.engine.dispose()


@pytest.mark.parametrize("path", GETS)
class TestCacheHeaders:
    def test_a_get_has_a_strong_etag_cache_control_last_modified_and_vary(
        self, client: TestClient, fresh: Callable[[str], Response], path: str
    ):
        response = fresh(path)
        assert response.status_code == 200
        assert STRONG_ETAG.match(response.headers["etag"]), response.headers["etag"]
        max_age = client.app.state.settings.cache_max_age  # type: ignore[attr-defined]
        assert response.headers["cache-control"] == f"public, max-age={max_age}"
        assert parsedate_to_datetime(response.headers["last-modified"]).tzinfo is not None
        assert response.headers["vary"] == "Accept"

    def test_if_none_match_with_the_etag_is_a_304_with_no_body(
        self, client: TestClient, fresh: Callable[[str], Response], path: str
    ):
        etag = fresh(path).headers["etag"]
        response = client.get(path, headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert response.content == b""
        assert response.headers["etag"] == etag

    def test_if_modified_since_last_modified_is_a_304_with_no_body(
        self, client: TestClient, fresh: Callable[[str], Response], path: str
    ):
        stamp = fresh(path).headers["last-modified"]
        response = client.get(path, headers={"If-Modified-Since": stamp})
        assert response.status_code == 304 and response.content == b""
        assert response.headers["etag"] == fresh(path).headers["etag"]


class TestIfNoneMatch:
    def test_a_weak_tag_matches_its_strong_tag(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        etag = fresh(PAGE).headers["etag"]
        assert client.get(PAGE, headers={"If-None-Match": f"W/{etag}"}).status_code == 304

    def test_a_list_matches_when_any_of_its_tags_does(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        etag = fresh(PAGE).headers["etag"]
        for header in (f'"other", W/{etag}', f'"a" ,  {etag} , "b"'):
            assert client.get(PAGE, headers={"If-None-Match": header}).status_code == 304

    def test_a_star_matches_any_answer(self, client: TestClient):
        assert client.get(PAGE, headers={"If-None-Match": "*"}).status_code == 304

    def test_other_tags_get_the_whole_answer(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        plain = fresh(PAGE)
        response = client.get(PAGE, headers={"If-None-Match": '"other", W/"another"'})
        assert response.status_code == 200
        assert response.content == plain.content
        assert response.headers["etag"] == plain.headers["etag"]

    def test_a_304_carries_the_caching_headers(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        plain = fresh(PAGE)
        response = client.get(PAGE, headers={"If-None-Match": plain.headers["etag"]})
        assert response.status_code == 304
        for name in ("etag", "cache-control", "vary", "last-modified"):
            assert response.headers[name] == plain.headers[name]

    def test_it_takes_precedence_over_if_modified_since(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        stamp = parsedate_to_datetime(fresh(PAGE).headers["last-modified"])
        headers = {
            "If-None-Match": '"other"',
            "If-Modified-Since": http_date(stamp + timedelta(days=1)),
        }
        assert client.get(PAGE, headers=headers).status_code == 200

    def test_a_matching_revalidation_runs_no_sql(self, trusting: TestClient):
        etag = trusting.get(PAGE).headers["etag"]
        with statements(trusting.app.state.engine) as seen:  # type: ignore[attr-defined]
            response = trusting.get(PAGE, headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert seen == []


class TestIfModifiedSince:
    def test_a_date_before_last_modified_gets_the_whole_answer(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        stamp = parsedate_to_datetime(fresh(PAGE).headers["last-modified"])
        earlier = http_date(stamp - timedelta(seconds=1))
        response = client.get(PAGE, headers={"If-Modified-Since": earlier})
        assert response.status_code == 200 and response.content == fresh(PAGE).content

    def test_a_date_after_last_modified_is_a_304(
        self, client: TestClient, fresh: Callable[[str], Response]
    ):
        later = parsedate_to_datetime(fresh(PAGE).headers["last-modified"]) + timedelta(days=1)
        response = client.get(PAGE, headers={"If-Modified-Since": http_date(later)})
        assert response.status_code == 304 and response.content == b""

    def test_a_date_that_cannot_be_read_gets_the_whole_answer(self, client: TestClient):
        for since in ("yesterday", "", "Mon, 99 Foo 2024 00:00:00 GMT"):
            response = client.get(PAGE, headers={"If-Modified-Since": since})
            assert response.status_code == 200 and response.content


class TestEtagVariesWithTheRequest:
    def test_a_different_path_or_query_has_a_different_etag(self, fresh: Callable[[str], Response]):
        paths = (
            "/v1/events",
            "/v1/events?limit=5",
            "/v1/events?kind=summit",
            "/v1/events?kind=summit&limit=5",
            "/v1/events?limit=5&kind=summit",  # the query as written
            "/v1/areas",
        )
        assert len({fresh(path).headers["etag"] for path in paths}) == len(paths)

    def test_a_tag_never_answers_an_accept_the_route_refuses(self, client: TestClient):
        as_json = client.get(PAGE, headers={"Accept": "application/json"})
        refused = client.get(
            PAGE, headers={"Accept": "text/csv", "If-None-Match": as_json.headers["etag"]}
        )
        assert refused.status_code == 406 and "etag" not in refused.headers

    def test_no_accept_and_any_type_share_one_etag(self, client: TestClient):
        untyped = without_accept(client, PAGE)
        anything = client.get(PAGE, headers={"Accept": "*/*"})
        assert untyped.headers["etag"] == anything.headers["etag"]
        assert untyped.content == anything.content
        revalidated = without_accept(client, PAGE, **{"If-None-Match": anything.headers["etag"]})
        assert revalidated.status_code == 304

    def test_a_different_scheme_has_a_different_etag(self, client: TestClient):
        plain = client.get(f"http://testserver{PAGE}")
        secure = client.get(f"https://testserver{PAGE}")
        assert secure.json()["links"]["self"] == f"https://testserver{PAGE}"
        assert plain.headers["etag"] != secure.headers["etag"]

    def test_the_same_request_has_the_same_etag(self, client: TestClient):
        assert client.get("/v1/quotes").headers["etag"] == client.get("/v1/quotes").headers["etag"]

    def test_another_app_on_the_same_data_gives_the_same_etag(
        self, fresh: Callable[[str], Response], trusting: TestClient
    ):
        for path in ("/v1/quotes", "/v1/areas/cyber-defence"):
            assert fresh(path).headers["etag"] == trusting.get(path).headers["etag"]


class TestHostIsPartOfTheTag:
    def test_answers_with_other_absolute_links_have_other_tags(self, any_host_client: TestClient):
        client = any_host_client
        one = client.get(PAGE, headers={"host": "a.example"})
        two = client.get(PAGE, headers={"host": "b.example"})
        assert one.json()["links"]["self"].startswith("http://a.example/")
        assert two.json()["links"]["self"].startswith("http://b.example/")
        assert one.headers["etag"] != two.headers["etag"]

    def test_host_headers_that_are_not_hosts_share_one_tag(self, client: TestClient):
        # Their links all name the server's own address: one answer, one tag.
        answers = [client.get(PAGE, headers={"host": bad}) for bad in ('evil>"x', "a b", "<x>")]
        plain = client.get(PAGE, headers={"host": "testserver"})
        assert {answer.headers["etag"] for answer in answers} == {plain.headers["etag"]}
        assert {answer.content for answer in answers} == {plain.content}


class TestWhatIsNotCached:
    @pytest.mark.parametrize("path", ["/healthz", "/readyz"])
    def test_probes_are_no_store_without_an_etag(self, client: TestClient, path: str):
        response = client.get(path)
        assert response.headers["cache-control"] == "no-store"
        assert "etag" not in response.headers
        assert client.get(path, headers={"If-None-Match": "*"}).status_code != 304

    @pytest.mark.parametrize(
        ("path", "accept", "status"),
        [
            ("/v1/events/no-such-event", "*/*", 404),
            ("/v1/events.xml", "*/*", 422),
            ("/v1/events/ipcp-signing-2014", "text/csv", 406),
        ],
    )
    def test_problems_carry_no_etag(self, client: TestClient, path: str, accept: str, status: int):
        response = client.get(path, headers={"Accept": accept})
        assert response.status_code == status
        assert "etag" not in response.headers and "last-modified" not in response.headers


class TestHead:
    @pytest.mark.parametrize(
        "path",
        [
            "/v1/events?limit=2",
            "/v1/areas/cyber-defence",
            "/v1/events.ndjson",  # a streamed export
            "/docs",
            "/healthz",
        ],
    )
    def test_head_answers_like_get_without_a_body(
        self, client: TestClient, fresh: Callable[[str], Response], path: str
    ):
        get, head = fresh(path), client.head(path)
        assert head.status_code == get.status_code == 200
        assert head.content == b""
        for name in ("content-type", "etag", "link", "cache-control", "last-modified"):
            assert head.headers.get(name) == get.headers.get(name)

    def test_head_of_a_streamed_answer_stops_its_work(self, client: TestClient):
        # A HEAD must not cost what its GET does: the package compresses every table.
        path = "/v1/releases/latest/package"
        engine = client.app.state.engine  # type: ignore[attr-defined]
        with statements(engine) as whole:
            assert client.get(path).status_code == 200
        with statements(engine) as started:
            head = client.head(path)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == client.get(path).headers["content-type"]
        assert len(started) < len(whole) / 3, (len(started), len(whole))

    def test_head_of_a_missing_record_is_a_404_without_a_body(self, client: TestClient):
        head = client.head("/v1/events/no-such-event")
        assert head.status_code == 404 and head.content == b""

    def test_head_revalidates_like_get(self, client: TestClient, fresh: Callable[[str], Response]):
        etag = fresh(PAGE).headers["etag"]
        assert client.head(PAGE, headers={"If-None-Match": etag}).status_code == 304


@pytest.fixture
def version_only(empty_url: str) -> Iterator[Engine]:
    """A new database holding the data version's table alone, with no version yet: the
    data routes cannot answer from it, the API's descriptions can."""
    engine = make_engine(Settings(database_url=empty_url))
    metadata.create_all(engine, tables=[DatasetVersion.__table__])  # type: ignore[attr-defined]
    yield engine
    engine.dispose()


def write_version(engine: Engine, version: str, seeded_at: datetime) -> None:
    """Record a new data version, as the seed loader does with the data it writes."""
    with Session(engine) as session:
        session.merge(DatasetVersion(id=1, version=version, seeded_at=seeded_at))
        session.commit()


class TestEtagFollowsTheDataVersion:
    def test_each_new_version_reaches_the_next_answer_once_the_ttl_has_passed(
        self, version_only: Engine
    ):
        url = version_only.url.render_as_string(hide_password=False)
        app = create_app(Settings(database_url=url, data_version_ttl=0, response_cache_mb=0))
        january, february = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
        try:
            with TestClient(app) as client:

                def get(**headers: str) -> Response:
                    return client.get("/docs", headers=headers)

                # Before the first seed there is nothing stable to tag.
                unseeded, unseeded_star = get(), get(**{"If-None-Match": "*"})
                write_version(version_only, "v1", january)
                before, repeated = get(), get()
                write_version(version_only, "v2", february)
                after = get()
                stale = get(**{"If-None-Match": before.headers["etag"]})
                current = get(**{"If-None-Match": after.headers["etag"]})
                since_january = get(**{"If-Modified-Since": http_date(january)})
        finally:
            app.state.engine.dispose()
        assert unseeded.status_code == unseeded_star.status_code == 200
        assert "etag" not in unseeded.headers and "last-modified" not in unseeded.headers
        assert before.headers["last-modified"] == http_date(january)
        assert repeated.headers["etag"] == before.headers["etag"]  # the same version, the same tag
        assert after.headers["last-modified"] == http_date(february)
        assert after.headers["etag"] != before.headers["etag"]
        assert stale.status_code == 200 and stale.content == before.content
        assert current.status_code == 304
        assert since_january.status_code == 200
