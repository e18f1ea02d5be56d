"""One error shape everywhere: RFC 9457 problem details, for every kind of error on
every route (404, 405, 406, 422, 500)."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.db import database
from app.main import create_app

RESOURCES = ("events", "programmes", "areas", "quotes", "people", "organisations", "sources")
LISTS = [f"/v1/{r}" for r in RESOURCES] + ["/v1/sources/blog-2014-05-07-ipcp-signing/citations"]
DETAILS = [f"/v1/{r}/no-such-record" for r in RESOURCES]
EXPORTS = [f"{path}.csv" for path in LISTS]
RELEASES = ["/v1/releases", "/v1/releases/latest", "/v1/releases/latest/package", "/v1/changes"]
OTHERS = ["/v1/search?q=piracy", "/v1/timeline", *RELEASES]
ROUTES = (
    LISTS
    + EXPORTS
    + [f"/v1/{r}/{{slug}}" for r in RESOURCES]
    + OTHERS
    + ["/v1/changes.csv", "/healthz", "/readyz", "/v1/meta"]
)


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    assert body["type"].startswith("/problems/")
    assert body["title"] and body["detail"]
    assert body["instance"] == response.request.url.path
    return body


class TestEveryRouteIsCovered:
    def test_the_route_list_here_matches_the_openapi_paths(self, client: TestClient):
        documented = set(client.get("/openapi.json").json()["paths"])
        here = {r.split("?")[0] for r in ROUTES}
        here = {r.replace("blog-2014-05-07-ipcp-signing", "{slug}") for r in here}
        here = {r.replace(".csv", ".{format}").replace("latest", "{version}") for r in here}
        assert documented == here


class TestNotFound:
    @pytest.mark.parametrize("path", DETAILS + ["/v1/sources/no-such-source/citations"])
    def test_unknown_slug(self, client: TestClient, path: str):
        assert "no-such" in assert_problem(client.get(path), 404)["detail"]

    @pytest.mark.parametrize("path", ["/v1/releases/no-such", "/v1/releases/no-such/package"])
    def test_unknown_release(self, client: TestClient, path: str):
        assert "no-such" in assert_problem(client.get(path), 404)["detail"]

    def test_unknown_path(self, client: TestClient):
        assert_problem(client.get("/v1/nothing-here"), 404)


class TestMethodNotAllowed:
    @pytest.mark.parametrize("path", LISTS + DETAILS + OTHERS + ["/healthz", "/readyz", "/v1/meta"])
    def test_post(self, client: TestClient, path: str):
        body = assert_problem(client.post(path), 405)
        assert body["type"] == "/problems/method-not-allowed"


class TestNotAcceptable:
    @pytest.mark.parametrize(
        "path", LISTS + [d.replace("no-such-record", "x") for d in DETAILS] + OTHERS
    )
    def test_xml_is_not_offered(self, client: TestClient, path: str):
        body = assert_problem(client.get(path, headers={"accept": "application/xml"}), 406)
        assert body["type"] == "/problems/not-acceptable"


class TestInvalidParameters:
    @pytest.mark.parametrize(
        "path",
        [f"{p}?limit=0" for p in LISTS + EXPORTS]
        + [f"{d}?fields=nope" for d in DETAILS]
        + ["/v1/search", "/v1/search?q=x&limit=0", "/v1/timeline?from=13"]
        + ["/v1/releases?limit=0", "/v1/changes?limit=0", "/v1/changes.csv?since=a%20b"],
    )
    def test_lists_the_invalid_parameters(self, client: TestClient, path: str):
        body = assert_problem(client.get(path), 422)
        assert body["type"] == "/problems/invalid-parameters"
        params = body["invalid-params"]
        assert params and all(p["name"].startswith("query.") and p["reason"] for p in params)


@pytest.fixture(scope="module")
def broken(seeded_url: str) -> Iterator[TestClient]:
    """An app whose database session, and search index, fail on every request."""
    app = create_app(Settings(database_url=seeded_url))

    class FailingDatabase:
        async def read(self, work: object, *, bounded: bool) -> None:
            raise RuntimeError("the database fell over")

    class FailingIndexes:
        def get(self, version: str) -> None:
            raise RuntimeError("the search index fell over")

    app.dependency_overrides[database] = FailingDatabase
    app.state.search_indexes = FailingIndexes()  # search reads no database: its index
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.engine.dispose()


class TestServerError:
    @pytest.mark.parametrize(
        "path", LISTS + [d.replace("no-such-record", "x") for d in DETAILS] + OTHERS
    )
    def test_is_a_problem_without_internals(self, broken: TestClient, path: str):
        body = assert_problem(broken.get(path), 500)
        assert "fell over" not in body["detail"]
