"""What browsers get: CORS for any origin (preflights answered), `nosniff` on every
answer, and docs pages no other site may frame."""

import pytest
from fastapi.testclient import TestClient

ORIGIN = {"Origin": "https://journalist.example"}
ANSWERS = [
    "/v1/events?limit=2",
    "/v1/events.csv?limit=2",
    "/v1/areas/cyber-defence",
    "/v1/events/no-such-event",  # a problem
    "/v1/events?colour=red",  # a 422
    "/v1/search?q=japan",
    "/openapi.json",
    "/healthz",
]


class TestCors:
    @pytest.mark.parametrize("path", ["/v1/events", "/v1/areas/cyber-defence", "/v1/events.csv"])
    def test_a_preflight_from_any_origin_is_answered(self, client: TestClient, path: str):
        response = client.options(
            path,
            headers={
                **ORIGIN,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match, x-request-id",
            },
        )
        assert response.status_code == 204 and not response.content
        assert response.headers["access-control-allow-origin"] == "*"
        assert "GET" in response.headers["access-control-allow-methods"]
        allowed = response.headers["access-control-allow-headers"].lower()
        assert "if-none-match" in allowed and "x-request-id" in allowed
        assert int(response.headers["access-control-max-age"]) > 0

    def test_a_preflight_for_a_write_allows_only_reads(self, client: TestClient):
        response = client.options(
            "/v1/events", headers={**ORIGIN, "Access-Control-Request-Method": "DELETE"}
        )
        # The browser refuses the DELETE: it is not among the methods allowed.
        assert response.headers["access-control-allow-methods"] == "GET, HEAD"

    @pytest.mark.parametrize("path", ANSWERS)
    def test_every_answer_may_be_read_by_any_origin(self, client: TestClient, path: str):
        response = client.get(path, headers=ORIGIN)
        assert response.headers["access-control-allow-origin"] == "*"
        exposed = {h.strip() for h in response.headers["access-control-expose-headers"].split(",")}
        assert {"ETag", "Link", "Last-Modified", "Retry-After"} <= exposed
        assert "access-control-allow-credentials" not in response.headers

    def test_an_answer_is_the_same_for_every_origin_and_none(self, client: TestClient):
        # So a shared cache keeps one copy: no `Vary: Origin`.
        without = client.get("/v1/events?limit=1")
        assert without.headers["access-control-allow-origin"] == "*"
        assert "origin" not in without.headers["vary"].lower()

    def test_a_revalidation_carries_it_too(self, client: TestClient):
        tag = client.get("/v1/events?limit=1").headers["etag"]
        response = client.get("/v1/events?limit=1", headers={**ORIGIN, "If-None-Match": tag})
        assert response.status_code == 304
        assert response.headers["access-control-allow-origin"] == "*"

    def test_an_options_request_that_is_no_preflight_is_still_a_405(self, client: TestClient):
        response = client.options("/v1/events")
        assert response.status_code == 405
        assert response.headers["content-type"] == "application/problem+json"


class TestNoSniff:
    @pytest.mark.parametrize("path", [*ANSWERS, "/docs", "/redoc", "/v1/nothing-here"])
    def test_every_answer_says_nosniff(self, client: TestClient, path: str):
        assert client.get(path).headers["x-content-type-options"] == "nosniff"

    def test_a_preflight_and_a_304_say_it_too(self, client: TestClient):
        preflight = client.options(
            "/v1/events", headers={**ORIGIN, "Access-Control-Request-Method": "GET"}
        )
        tag = client.get("/v1/events?limit=1").headers["etag"]
        revalidated = client.get("/v1/events?limit=1", headers={"If-None-Match": tag})
        for response in (preflight, revalidated):
            assert response.headers["x-content-type-options"] == "nosniff"


class TestDocsPagesInFrames:
    @pytest.mark.parametrize("path", ["/docs", "/redoc"])
    def test_no_other_site_may_frame_the_docs(self, client: TestClient, path: str):
        policy = client.get(path).headers["content-security-policy"]
        assert "frame-ancestors 'none'" in [p.strip() for p in policy.split(";")]
