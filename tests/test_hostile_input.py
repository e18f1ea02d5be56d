"""Hostile input answers a 4xx problem document, never a 500 or a wrong 200, on both
back-ends: a NUL character in any query parameter of any route (PostgreSQL text cannot
hold one), malformed slugs in any path, and forged cursors carrying text no database
can store. Every parameter and path comes from the OpenAPI document, so a new one is
covered when it is declared."""

import base64
import json
from functools import cache
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.dates import DECLARED_PARTIAL_DATE
from app.core.models import SLUG
from app.main import create_app
from tests.support import assert_problem


@cache
def spec() -> dict[str, Any]:
    app = create_app(Settings(database_url="sqlite://"))
    with TestClient(app) as client:
        return dict(client.get("/openapi.json").json())


def query_parameters() -> list[tuple[str, str]]:
    """(path, parameter) for every query parameter of every operation, with the path's
    `{slug}` filled by a real one and an export's `{format}` by `csv`."""
    found = []
    for path, item in spec()["paths"].items():
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                found.append((filled(path), parameter["name"]))
    return found


def filled(template: str) -> str:
    plain = template.removesuffix(".{format}")
    return template.replace("{slug}", SLUGS.get(plain, "")).replace("{format}", "csv")


# A real record for each route with a `{slug}`, so that only the parameter is wrong.
SLUGS = {
    "/v1/events/{slug}": "ipcp-signing-2014",
    "/v1/programmes/{slug}": "individually-tailored-partnership-programme-2023",
    "/v1/areas/{slug}": "cyber-defence",
    "/v1/quotes/{slug}": "abe-security-asia-europe-intertwined-2014",
    "/v1/people/{slug}": "anders-fogh-rasmussen",
    "/v1/organisations/{slug}": "nato-emerging-security-challenges-division",
    "/v1/sources/{slug}": "blog-2014-05-07-ipcp-signing",
    "/v1/sources/{slug}/citations": "blog-2014-05-07-ipcp-signing",
}
# Slugs no record can have: each is a 422 naming `path.slug`, before any query.
MALFORMED_SLUGS = {
    "a-nul": "ipcp%00signing",
    "only-a-nul": "%00",
    "upper-case": "IPCP-SIGNING-2014",
    "a-like-wildcard": "%25",
    "an-underscore": "ipcp_signing",
    "a-space": "ipcp%20signing",
    "too-long": "a" * 121,
    "not-utf-8": "%ED%A0%80",
    "a-trailing-dash": "ipcp-",
}


class TestNulInQueryParameters:
    @pytest.mark.parametrize(
        ("path", "name"), query_parameters(), ids=lambda v: v if "/" not in v else v[4:]
    )
    def test_a_nul_in_any_query_parameter_is_a_422_naming_it(
        self, client: TestClient, path: str, name: str
    ):
        extra = "&q=cyber" if path == "/v1/search" and name != "q" else ""
        response = client.get(f"{path}?{name}=a%00b{extra}")
        problem = assert_problem(response, 422, f"query.{name}")
        assert any("NUL" in p["reason"] for p in problem["invalid-params"])

    @pytest.mark.parametrize(
        ("path", "name"), query_parameters(), ids=lambda v: v if "/" not in v else v[4:]
    )
    def test_text_that_is_not_utf8_in_any_query_parameter_is_a_422_naming_it(
        self, client: TestClient, path: str, name: str
    ):
        # The bytes of an unpaired surrogate, after a valid value of the same name.
        extra = "&q=cyber" if path == "/v1/search" and name != "q" else ""
        response = client.get(f"{path}?{name}=%ED%A0%80&{name}=a{extra}")
        problem = assert_problem(response, 422, f"query.{name}")
        assert any("UTF-8" in p["reason"] for p in problem["invalid-params"])

    def test_every_route_with_parameters_is_covered(self):
        covered = {path for path, _ in query_parameters()}
        # 7 lists, 7 details, a source's citations, their 8 exports, search, the timeline,
        # the releases, the change feed and its export.
        assert len(covered) == 28 and "/v1/search" in covered and "/v1/timeline" in covered
        assert {"/v1/releases", "/v1/changes", "/v1/changes.csv"} <= covered
        assert "/v1/events.csv" in covered


class TestMalformedSlugs:
    @pytest.mark.parametrize("template", SLUGS)
    @pytest.mark.parametrize("name", MALFORMED_SLUGS)
    def test_a_slug_no_record_can_have_is_a_422_naming_path_slug(
        self, client: TestClient, template: str, name: str
    ):
        response = client.get(template.replace("{slug}", MALFORMED_SLUGS[name]))
        assert_problem(response, 422, "path.slug")

    @pytest.mark.parametrize("template", SLUGS)
    def test_a_well_formed_slug_of_no_record_is_still_a_404(
        self, client: TestClient, template: str
    ):
        assert_problem(client.get(template.replace("{slug}", "no-such-record")), 404)

    def test_the_document_declares_what_a_slug_looks_like(self):
        for template in SLUGS:
            [slug] = [
                p for p in spec()["paths"][template]["get"]["parameters"] if p["in"] == "path"
            ]
            assert slug["schema"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
            assert slug["schema"]["maxLength"] == 120


class TestTextInCursors:
    @pytest.mark.parametrize("text", ["a\x00b", "a\ud800b", "\udfff"], ids=["nul", "high", "low"])
    def test_a_cursor_carrying_text_no_database_can_hold_is_a_422(
        self, client: TestClient, text: str
    ):
        forged = json.dumps(["title", [text, "x"]]).encode()
        cursor = base64.urlsafe_b64encode(forged).rstrip(b"=").decode()
        response = client.get(f"/v1/events?sort=title&cursor={quote(cursor)}")
        assert_problem(response, 422, "query.cursor")


class TestRepeatedValues:
    """Repeats are de-duplicated; more than 50 different values of one parameter, given
    again and again or in a comma list, is a 422 naming it (docs/api.md)."""

    def test_a_value_repeated_a_thousand_times_counts_once(self, client: TestClient):
        once = client.get("/v1/events?kind=signing&limit=200").json()["data"]
        repeated = client.get("/v1/events?" + "kind=signing&" * 1000 + "limit=200")
        assert repeated.status_code == 200 and repeated.json()["data"] == once

    def test_a_filter_repeated_a_thousand_times_on_citations_counts_once(self, client: TestClient):
        base = "/v1/sources/blog-2014-05-07-ipcp-signing/citations"
        once = client.get(f"{base}?type=event&limit=200").json()["data"]
        repeated = client.get(f"{base}?" + "type=event&" * 1000 + "limit=200")
        assert repeated.status_code == 200 and repeated.json()["data"] == once

    def test_more_than_50_different_values_of_one_filter_is_a_422(self, client: TestClient):
        many = "&".join(f"area=area-{i}" for i in range(51))
        problem = assert_problem(client.get(f"/v1/events?{many}"), 422, "query.area")
        assert "51 different values; at most 50" in problem["invalid-params"][0]["reason"]

    @pytest.mark.parametrize("name", ["include", "facets", "fields"])
    def test_a_comma_list_repeating_one_item_ten_thousand_times_counts_once(
        self, client: TestClient, name: str
    ):
        item = {"include": "areas", "facets": "kind", "fields": "title"}[name]
        once = client.get(f"/v1/events?{name}={item}&limit=3").json()
        repeated = client.get(f"/v1/events?{name}=" + ",".join([item] * 10_000) + "&limit=3")
        assert repeated.status_code == 200
        assert repeated.json()["data"] == once["data"]

    @pytest.mark.parametrize(
        ("path", "name"),
        [
            ("/v1/events", "include"),
            ("/v1/events", "facets"),
            ("/v1/events", "fields"),
            ("/v1/events/ipcp-signing-2014", "fields"),
            ("/v1/search?q=cyber", "type"),
        ],
    )
    def test_a_comma_list_of_more_than_50_different_items_is_a_422(
        self, client: TestClient, path: str, name: str
    ):
        items = ",".join(f"item{i}" for i in range(51))
        joiner = "&" if "?" in path else "?"
        assert_problem(client.get(f"{path}{joiner}{name}={items}"), 422, f"query.{name}")

    def test_an_unknown_facet_is_refused_before_any_query(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?facets=kind,colour"), 422, "query.facets")
        assert "colour" in problem["detail"]


DATE_PARAMETERS = [
    (path, name) for path, name in query_parameters() if name in ("from", "to", "in_force_on")
]


class TestDateParameters:
    def test_every_date_parameter_declares_the_partial_date_pattern(self):
        # from/to on events, programmes, quotes (lists and exports) and the timeline;
        # in_force_on on programmes (list and export).
        assert len(DATE_PARAMETERS) == 16
        for path, name in DATE_PARAMETERS:
            texts = [s for s in declared(path, name)["anyOf"] if s.get("type") != "null"]
            assert texts == DECLARED_PARTIAL_DATE["anyOf"], (path, name)

    @pytest.mark.parametrize(("path", "name"), DATE_PARAMETERS)
    @pytest.mark.parametrize(
        "value", ["", "%202013", "2013%20", "2013-1", "2013-13", "13", "0000", "0000-01"]
    )
    def test_what_the_pattern_refuses_the_server_refuses(
        self, client: TestClient, path: str, name: str, value: str
    ):
        assert_problem(client.get(f"{path}?{name}={value}"), 422, f"query.{name}")


def declared(path: str, name: str) -> dict[str, Any]:
    template = next(t for t in spec()["paths"] if filled(t) == path)
    [parameter] = [p for p in spec()["paths"][template]["get"]["parameters"] if p["name"] == name]
    return dict(parameter["schema"])


def names_records(schema: dict[str, Any]) -> bool:
    """Whether a parameter's schema says it holds slugs (one, or a list of them)."""
    return SLUG in (schema.get("pattern"), schema.get("items", {}).get("pattern"))


SLUG_FILTERS = [
    (path, name) for path, name in query_parameters() if names_records(declared(path, name))
]


class TestSlugFilters:
    def test_every_filter_naming_records_declares_what_a_slug_looks_like(self):
        names = {name for _, name in SLUG_FILTERS}
        assert names == {
            "source", "area", "programme", "person", "organisation", "speaker", "event", "parent"
        }  # fmt: skip

    @pytest.mark.parametrize(("path", "name"), SLUG_FILTERS)
    @pytest.mark.parametrize("value", ["", "Not%20A%20Slug", "a" * 121])
    def test_a_value_that_is_no_slug_is_a_422_naming_the_filter(
        self, client: TestClient, path: str, name: str, value: str
    ):
        extra = "&q=cyber" if path == "/v1/search" else ""
        assert_problem(client.get(f"{path}?{name}={value}{extra}"), 422, f"query.{name}")


def _cursor(value: Any) -> str:
    """A cursor as the service writes one, holding `value` (json.dumps keeps a lone
    surrogate as an escape, as a forger would send it)."""
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


NESTED = base64.urlsafe_b64encode(b"[" * 5000 + b"]" * 5000).rstrip(b"=").decode()
LONE_SURROGATE = "\ud800"
# Each kind of hostile input, once more against a real server: a 4xx problem, always.
REFUSED = {
    "nul-in-a-filter": "/v1/events?place=a%00b",
    "nul-in-a-slug-filter": "/v1/quotes?speaker=abe%00",
    "nul-in-a-path": "/v1/areas/cyber%00defence",
    "not-utf-8": "/v1/search?q=%ED%A0%80",
    "a-lone-surrogate-in-a-cursor": "/v1/events?sort=title&cursor="
    + _cursor(["title", [LONE_SURROGATE, "x"]]),
    "an-int-beyond-64-bits": "/v1/events?sort=title&cursor=" + _cursor(["title", [2**64, "x"]]),
    "a-null-cursor": "/v1/events?cursor=" + _cursor(None),
    "a-number-for-a-date": "/v1/events?cursor=" + _cursor(["date", 5]),
    "5000-nested-brackets": "/v1/events?cursor=" + NESTED,
    "a-50k-cursor": "/v1/events?cursor=" + "A" * 50_000,
    "a-10k-query": "/v1/events?q=" + "a" * 10_000,
    "a-10k-place": "/v1/events?place=" + "a" * 10_000,
    "a-10k-slug": "/v1/events/" + "a" * 10_000,
    "a-10k-date": "/v1/events?from=" + "9" * 10_000,
    "a-limit-of-10-to-the-30": "/v1/events?limit=1" + "0" * 30,
    "51-different-areas": "/v1/events?" + "&".join(f"area=a{i}" for i in range(51)),
    "a-10k-parameter-name": "/v1/events?" + "x" * 10_000 + "=1",
    "an-export-of-no-format": "/v1/events.xml",
}
# Repeats cost nothing more than one value: the same answer as the value given once (as
# many as fit in the longest URL httpx sends, 64 KiB).
# As many repeats as the server's request line takes (MAX_REQUEST_LINE, 8192 bytes); a
# longer line is refused before the app sees it (the last test of the class).
REPEATED = {
    "include": ("/v1/events?include=areas", "/v1/events?include=areas" + ",areas" * 1_300),
    "facets": ("/v1/events?facets=kind", "/v1/events?" + "facets=kind&" * 650),
    "kind": ("/v1/events?kind=summit", "/v1/events?" + "kind=summit&" * 650),
}
# A hang detector, far above the milliseconds these take: an answer later than this means
# the request went on working (or waiting) when it should have been refused at once.
BOUND_S = 10


class TestOnALiveServer:
    """The same inputs through uvicorn, each answered within BOUND_S seconds (httpx's
    timeout): refused with a problem, or repeats answered as the value given once."""

    @pytest.mark.parametrize("name", REFUSED)
    def test_hostile_input_is_refused_with_a_problem(self, live_url: str, name: str):
        response = httpx.get(live_url + REFUSED[name], timeout=BOUND_S)
        assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == response.status_code

    @pytest.mark.parametrize("name", REPEATED)
    def test_hundreds_of_repeats_answer_as_one(self, live_url: str, name: str):
        once, repeated = (httpx.get(live_url + path, timeout=BOUND_S) for path in REPEATED[name])
        assert once.status_code == repeated.status_code == 200, repeated.text[:300]
        assert repeated.json()["data"] == once.json()["data"]

    def test_thousands_of_repeats_pass_the_request_line_limit(self, live_url: str):
        response = httpx.get(live_url + "/v1/events?" + "kind=summit&" * 2_000, timeout=BOUND_S)
        assert response.status_code == 414
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize("wildcard", ["%25", "_"])
    def test_like_wildcards_in_place_match_only_themselves(self, live_url: str, wildcard: str):
        response = httpx.get(f"{live_url}/v1/events?place={wildcard}", timeout=BOUND_S)
        assert response.status_code == 200 and response.json()["data"] == []
