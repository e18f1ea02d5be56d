"""Answers: the format a client gets (`format=`, then the Accept header), and the
absolute links a list carries — `self`, `next` and the `Link` header — with the host
they name. What the exports hold is tested in tests/http/test_exports.py."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.errors import NotAcceptable
from app.core.models import Format
from app.http.responses import link_host, negotiate
from app.main import create_app
from tests.support import assert_problem

BASE = "http://testserver"


def page(client: TestClient, address: str, **kwargs: Any) -> dict[str, Any]:
    """A JSON page, checking that its `Link` header names its `next` link."""
    response = client.get(address, **kwargs)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    next_url = body["links"]["next"]
    if next_url is None:
        assert "link" not in response.headers
    else:
        assert response.headers["link"] == f'<{next_url}>; rel="next"'
    return body


def query_of(address: str) -> str:
    return urlsplit(address).query


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def served(
    client: TestClient,
    path: str,
    query: bytes = b"",
    headers: Iterable[tuple[bytes, bytes]] = (),
    **scope: Any,
) -> Answer:
    """GET `path` through the app's ASGI interface with the scope a server builds from
    the bytes it received: what the test client cannot send (a raw UTF-8 query, no Host
    header, no server address, another server port)."""
    request: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query,
        "headers": list(headers),
        "client": ("203.0.113.7", 50000),
        "server": ("10.0.0.5", 8000),
        **scope,
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    assert client.portal is not None  # the app runs, on the test client's event loop
    client.portal.call(client.app, request, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    names = {k.decode("latin-1"): v.decode("latin-1") for k, v in start.get("headers", [])}
    return Answer(start["status"], names, body)


def links_of(answer: Answer) -> dict[str, Any]:
    """A served JSON page's links, checking that its `Link` header names `next`."""
    assert answer.status == 200, answer.body
    links: dict[str, Any] = answer.json()["links"]
    assert answer.headers["link"] == f'<{links["next"]}>; rel="next"'
    return links


# --- Negotiation ---------------------------------------------------------------------

JSON, CSV, NDJSON = "application/json", "text/csv; charset=utf-8", "application/x-ndjson"
LISTS = (Format.json, Format.csv, Format.ndjson)  # what a list serves
CALENDAR = (*LISTS, Format.ics)  # the events list


def chosen(accept: str, allowed: tuple[Format, ...] = CALENDAR) -> Format:
    """The format `negotiate` picks for a request with this Accept header."""
    request = Request({"type": "http", "headers": [(b"accept", accept.encode())]})
    return negotiate(request, None, allowed)


class TestNegotiate:
    """`negotiate(request, format, allowed)`: `format=` if given, else the Accept
    header's most preferred format among those allowed."""

    @pytest.mark.parametrize(
        ("accept", "expected"),
        [
            ("application/xml, text/csv;q=0.5, application/x-ndjson;q=0.9", Format.ndjson),
            ("text/csv;q=0.9, text/calendar", Format.ics),
            ("text/csv, application/x-ndjson", Format.csv),  # equal: the first listed
            ("application/x-ndjson, text/csv", Format.ndjson),
            ("text/csv;q=0, application/json;q=0.1", Format.json),  # q=0: never
            ("text/csv;q=high, application/x-ndjson;q=0.1", Format.ndjson),  # unreadable: 0
            ("text/csv ; q=0.2 ; level=1, application/json;q=0.1", Format.csv),
        ],
    )
    def test_the_most_preferred_acceptable_type_wins(self, accept: str, expected: Format):
        assert chosen(accept) is expected

    @pytest.mark.parametrize(
        ("accept", "expected"),
        [
            ("*/*", Format.json),
            ("application/*", Format.json),
            ("text/*", Format.csv),
            ("image/png, */*;q=0.1", Format.json),
            ("TEXT/CSV", Format.csv),
            ("application/ndjson", Format.ndjson),
            ("application/jsonl", Format.ndjson),
            ("text/calendar", Format.ics),
            ("", Format.json),
            ("   ", Format.json),
        ],
    )
    def test_wildcards_aliases_case_and_no_preference_are_understood(
        self, accept: str, expected: Format
    ):
        assert chosen(accept) is expected

    def test_a_type_the_resource_does_not_serve_is_passed_over(self):
        assert chosen("text/calendar, text/csv;q=0.1", LISTS) is Format.csv

    def test_nothing_acceptable_is_not_acceptable_and_lists_what_is_offered(self):
        with pytest.raises(NotAcceptable) as refused:
            chosen("application/xml, text/csv;q=0", LISTS)
        assert refused.value.detail.endswith(
            "offers application/json, text/csv, application/x-ndjson."
        )

    def test_format_wins_over_any_accept_header(self):
        request = Request({"type": "http", "headers": [(b"accept", b"image/png")]})
        assert negotiate(request, Format.csv, LISTS) is Format.csv


class TestNegotiationOverHttp:
    def test_format_and_accept_choose_the_same_representation(self, client: TestClient):
        for fmt, media in (("csv", "text/csv"), ("ndjson", "application/x-ndjson")):
            by_format = client.get(f"/v1/programmes?limit=3&format={fmt}")
            by_accept = client.get("/v1/programmes?limit=3", headers={"Accept": media})
            assert by_format.text == by_accept.text and by_format.text

    def test_format_wins_over_the_accept_header(self, client: TestClient):
        response = client.get("/v1/areas?format=json", headers={"Accept": "text/csv"})
        assert response.headers["content-type"] == JSON
        # Even over an Accept header that names nothing this resource serves.
        response = client.get("/v1/areas?format=csv&limit=1", headers={"Accept": "image/png"})
        assert response.status_code == 200 and response.headers["content-type"] == CSV

    def test_the_most_preferred_acceptable_type_wins(self, client: TestClient):
        accept = "application/xml, text/csv;q=0.5, application/x-ndjson;q=0.9"
        response = client.get("/v1/areas?limit=1", headers={"Accept": accept})
        assert response.status_code == 200 and response.headers["content-type"] == NDJSON

    def test_without_an_accept_header_the_answer_is_json(self, client: TestClient):
        request = client.build_request("GET", "/v1/events/ipcp-signing-2014")
        del request.headers["accept"]
        response = client.send(request)
        assert response.status_code == 200 and response.headers["content-type"] == JSON

    @pytest.mark.parametrize(
        ("path", "offered"),
        [
            ("/v1/events", "application/json, text/csv, application/x-ndjson, text/calendar"),
            ("/v1/areas", "application/json, text/csv, application/x-ndjson"),
            ("/v1/events/ipcp-signing-2014", "application/json"),
            ("/v1/search?q=cyber", "application/json"),
            ("/v1/timeline", "application/json"),
        ],
    )
    def test_an_unsupported_accept_is_a_406_problem_listing_the_types_offered(
        self, client: TestClient, path: str, offered: str
    ):
        problem = assert_problem(client.get(path, headers={"Accept": "application/xml"}), 406)
        assert problem["type"] == "/problems/not-acceptable"
        assert problem["detail"].endswith(f"offers {offered}.")

    def test_an_unknown_format_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get("/v1/events?format=xml"), 422, "query.format")

    def test_a_format_the_route_does_not_serve_is_a_422_naming_those_it_does(
        self, client: TestClient
    ):
        problem = assert_problem(client.get("/v1/areas?format=ics"), 422, "query.format")
        assert problem["invalid-params"][0]["reason"] == "Input should be 'json', 'csv' or 'ndjson'"
        assert client.get("/v1/events?format=ics&limit=1").status_code == 200

    @pytest.mark.parametrize(
        "path", ["/v1/areas", "/v1/events", "/v1/sources/blog-2014-05-07-ipcp-signing/citations"]
    )
    def test_the_document_offers_each_list_exactly_the_formats_it_serves(
        self, client: TestClient, path: str
    ):
        spec = client.get("/openapi.json").json()
        [param] = [
            p
            for p in spec["paths"][path.replace("blog-2014-05-07-ipcp-signing", "{slug}")]["get"][
                "parameters"
            ]
            if p["name"] == "format"
        ]
        [offered] = [s["enum"] for s in param["schema"]["anyOf"] if "enum" in s]
        for fmt in ("json", "csv", "ndjson", "ics"):
            status = client.get(f"{path}?format={fmt}&limit=1").status_code
            assert (status == 200) == (fmt in offered), (fmt, status)

    @pytest.mark.parametrize(
        "path", ["/v1/events/ipcp-signing-2014", "/v1/search?q=cyber", "/v1/timeline?limit=1"]
    )
    def test_a_route_with_one_format_refuses_format_and_a_foreign_accept(
        self, client: TestClient, path: str
    ):
        # It takes no `format=`; both ways of asking for CSV are refused, naming what is offered.
        joiner = "&" if "?" in path else "?"
        refused = assert_problem(client.get(f"{path}{joiner}format=csv"), 422, "query.format")
        assert "it takes" in refused["invalid-params"][0]["reason"]
        not_acceptable = assert_problem(client.get(path, headers={"accept": "text/csv"}), 406)
        assert "application/json" in not_acceptable["detail"]


# --- Links ---------------------------------------------------------------------------


class TestNextLink:
    def test_next_keeps_the_filters_and_limit_and_adds_one_cursor(self, client: TestClient):
        body = page(client, "/v1/events?limit=2&kind=summit")
        cursor = body["meta"]["next_cursor"]
        assert cursor
        assert body["links"]["next"] == f"{BASE}/v1/events?limit=2&kind=summit&cursor={cursor}"
        assert parse_qsl(query_of(body["links"]["next"])) == [
            ("limit", "2"),
            ("kind", "summit"),
            ("cursor", cursor),
        ]

    def test_following_next_replaces_the_cursor_each_time(self, client: TestClient):
        address = "/v1/events?limit=2&kind=contribution"
        cursors = []
        for _ in range(3):
            body = page(client, address)
            address = body["links"]["next"]
            cursors.append(body["meta"]["next_cursor"])
            assert address.count("cursor=") == 1
            assert address == f"{BASE}/v1/events?limit=2&kind=contribution&cursor={cursors[-1]}"
        assert len(set(cursors)) == 3
        # The third page is the one after the second cursor: the links did move on.
        third = page(client, f"/v1/events?limit=2&kind=contribution&cursor={cursors[1]}")
        assert third["meta"]["next_cursor"] == cursors[2]

    def test_a_cursor_anywhere_in_the_query_is_replaced(self, client: TestClient):
        first = page(client, "/v1/events?limit=3")
        cursor = first["meta"]["next_cursor"]
        second = page(client, f"/v1/events?cursor={cursor}&limit=3&sort=date")
        following = second["meta"]["next_cursor"]
        assert following and following != cursor
        assert second["links"]["next"] == f"{BASE}/v1/events?limit=3&sort=date&cursor={following}"

    def test_an_empty_cursor_is_replaced_too(self, client: TestClient):
        body = page(client, "/v1/events?limit=2&cursor=")
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == f"{BASE}/v1/events?limit=2&cursor={cursor}"

    def test_a_parameter_whose_name_only_contains_cursor_is_kept(self, client: TestClient):
        # `utm_…` parameters are accepted and ignored by every route (docs/api.md).
        body = page(client, "/v1/events?utm_cursor=1&limit=2")
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == f"{BASE}/v1/events?utm_cursor=1&limit=2&cursor={cursor}"

    def test_the_other_parameters_stay_as_the_client_wrote_them(self, client: TestClient):
        body = page(client, "/v1/events?fields=slug%2Ctitle&kind=contribution&limit=2&place=")
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == (
            f"{BASE}/v1/events?fields=slug%2Ctitle&kind=contribution&limit=2&place=&cursor={cursor}"
        )

    def test_repeated_parameters_are_all_kept_in_order(self, client: TestClient):
        body = page(client, "/v1/events?kind=summit&limit=1&kind=signing")
        cursor = body["meta"]["next_cursor"]
        assert parse_qsl(query_of(body["links"]["next"])) == [
            ("kind", "summit"),
            ("limit", "1"),
            ("kind", "signing"),
            ("cursor", cursor),
        ]

    def test_the_last_page_has_no_next_link(self, client: TestClient):
        body = page(client, "/v1/events?kind=summit&limit=200")
        assert body["links"]["next"] is None and body["meta"]["next_cursor"] is None

    @pytest.mark.parametrize(
        "address",
        [
            "/v1/areas?limit=2&sort=-slug",
            "/v1/organisations?limit=2&sort=-slug",
            "/v1/quotes?limit=2&sort=-slug",
            "/v1/search?q=cyber&limit=2",
            "/v1/timeline?limit=2",
        ],
    )
    def test_other_lists_link_their_next_page_the_same_way(self, client: TestClient, address: str):
        body = page(client, address)
        cursor = body["meta"]["next_cursor"]
        assert cursor
        assert body["links"]["next"] == f"{BASE}{address}&cursor={cursor}"


class TestSelfLink:
    def test_self_is_the_requests_own_absolute_url(self, client: TestClient):
        body = page(client, "/v1/events?limit=2&kind=summit")
        assert body["links"]["self"] == f"{BASE}/v1/events?limit=2&kind=summit"

    def test_self_keeps_the_cursor_it_was_asked_with(self, client: TestClient):
        cursor = page(client, "/v1/events?limit=2")["meta"]["next_cursor"]
        body = page(client, f"/v1/events?limit=2&cursor={cursor}")
        assert body["links"]["self"] == f"{BASE}/v1/events?limit=2&cursor={cursor}"

    def test_self_without_a_query_has_no_question_mark(self, client: TestClient):
        assert page(client, "/v1/people")["links"]["self"] == f"{BASE}/v1/people"

    def test_links_keep_the_scheme_of_the_request(self, client: TestClient):
        body = page(client, "https://testserver/v1/events?limit=2&kind=summit")
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["self"] == "https://testserver/v1/events?limit=2&kind=summit"
        assert body["links"]["next"] == (
            f"https://testserver/v1/events?limit=2&kind=summit&cursor={cursor}"
        )

    def test_links_under_a_root_path_are_addresses_that_answer(self, client: TestClient):
        # Served under a prefix (`uvicorn --root-path /api`), the ASGI path includes it.
        mounted = TestClient(client.app, root_path="/api")
        body = page(mounted, "/api/v1/events?limit=2")
        assert body["links"]["self"] == f"{BASE}/api/v1/events?limit=2"
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == f"{BASE}/api/v1/events?limit=2&cursor={cursor}"
        assert mounted.get(body["links"]["next"]).status_code == 200


class TestQueryInLinks:
    """The query is echoed as the client wrote it; what may not stand bare in a link is
    percent-encoded byte by byte, so no value can break the `Link` header."""

    def test_a_raw_query_is_escaped_byte_by_byte_in_self_and_next(self, client: TestClient):
        raw = 'utm_x=T\xc5\x8dky\xc5\x8d a"b>c<d&cursor=&limit=2'.encode("latin-1")
        answer = served(client, "/v1/events", raw, [(b"host", b"api.example.org")])
        links, cursor = links_of(answer), answer.json()["meta"]["next_cursor"]
        written = "utm_x=T%C5%8Dky%C5%8D%20a%22b%3Ec%3Cd&cursor=&limit=2"
        kept = "utm_x=T%C5%8Dky%C5%8D%20a%22b%3Ec%3Cd&limit=2"  # the cursor is replaced
        assert links["self"] == f"http://api.example.org/v1/events?{written}"
        assert links["next"] == f"http://api.example.org/v1/events?{kept}&cursor={cursor}"

    def test_a_query_already_escaped_is_kept_as_written(self, client: TestClient):
        body = page(client, "/v1/events?utm_x=T%C5%8Dky%C5%8D%20a&kind=contribution&limit=1")
        written = "utm_x=T%C5%8Dky%C5%8D%20a&kind=contribution&limit=1"
        assert body["links"]["self"] == f"{BASE}/v1/events?{written}"
        assert body["links"]["next"].startswith(f"{BASE}/v1/events?{written}&cursor=")


class TestHostInLinks:
    def test_links_name_the_host_the_client_asked(self, client: TestClient):
        body = page(client, "/v1/events?limit=2", headers={"host": "api.example.org:8080"})
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["self"] == "http://api.example.org:8080/v1/events?limit=2"
        assert body["links"]["next"] == (
            f"http://api.example.org:8080/v1/events?limit=2&cursor={cursor}"
        )

    @pytest.mark.parametrize(
        "host",
        [
            "api.example.org",
            "api.example.org:8443",
            "api.example.org.",  # fully qualified, with its root dot
            "db_1:8000",  # a container name
            "127.0.0.1:8000",
            "[::1]:8000",
        ],
    )
    def test_a_host_header_naming_a_host_is_used(self, client: TestClient, host: str):
        body = page(client, "/v1/events?limit=2", headers={"host": host})
        assert body["links"]["self"] == f"http://{host}/v1/events?limit=2"

    def test_a_host_header_that_is_not_a_host_is_not_written_into_links(self, client: TestClient):
        body = page(client, "/v1/events?limit=2", headers={"host": 'evil.example>; rel="prev", <x'})
        assert body["links"]["self"] == "http://testserver/v1/events?limit=2"
        assert "evil" not in body["links"]["next"]

    def test_without_a_host_header_the_servers_address_is_used(self, client: TestClient):
        links = links_of(served(client, "/v1/events", b"limit=2"))
        assert links["self"] == "http://10.0.0.5:8000/v1/events?limit=2"

    def test_a_host_header_that_is_not_a_host_gives_the_servers_address(self, client: TestClient):
        answer = served(client, "/v1/events", b"limit=2", [(b"host", b"a b")])
        assert links_of(answer)["self"] == "http://10.0.0.5:8000/v1/events?limit=2"

    def test_an_ipv6_server_address_is_bracketed(self, client: TestClient):
        links = links_of(served(client, "/v1/events", b"limit=2", server=("::1", 8000)))
        assert links["self"] == "http://[::1]:8000/v1/events?limit=2"

    def test_the_default_port_of_the_scheme_is_left_out(self, client: TestClient):
        answer = served(client, "/v1/events", b"limit=2", scheme="https", server=("10.0.0.5", 443))
        assert links_of(answer)["self"] == "https://10.0.0.5/v1/events?limit=2"

    def test_a_server_on_a_unix_socket_without_host_is_named_localhost(self, client: TestClient):
        # uvicorn --uds gives no server address; this used to fail with a 500.
        links = links_of(served(client, "/v1/events", b"limit=2", server=None))
        assert links["self"] == "http://localhost/v1/events?limit=2"


class TestPublicBaseUrl:
    def test_links_start_at_the_public_address_when_one_is_set(self, seeded_url: str):
        public = "https://api.example.org"
        settings = Settings(database_url=seeded_url, public_base_url=public + "/")
        app = create_app(settings)
        with TestClient(app) as client:
            body = page(client, "/v1/events?limit=2", headers={"host": "internal:8000"})
            calendar = client.get("/v1/events?format=ics&limit=1").text
        app.state.engine.dispose()
        assert body["links"]["self"] == f"{public}/v1/events?limit=2"
        assert body["links"]["next"].startswith(f"{public}/v1/events?limit=2&cursor=")
        assert f"URL:{public}/v1/events/" in calendar.replace("\r\n ", "")


class TestLinkHost:
    """`link_host(scope, host_header)`: the host a request's links (and its ETag) name."""

    SERVER = {"scheme": "http", "server": ("10.0.0.5", 8000)}

    @pytest.mark.parametrize(
        "host",
        [
            "api.example.org",
            "api.example.org:8443",
            "api.example.org.",
            "db_1:8000",
            "localhost",
            "127.0.0.1:8000",
            "[::1]:8000",
            "[2001:db8::1]",
        ],
    )
    def test_a_header_naming_a_host_is_the_host(self, host: str):
        assert link_host(self.SERVER, host) == host

    @pytest.mark.parametrize(
        "header", ['evil>"x', "a b", "<x>", "", "a.example/path", "-a.example", "a:port"]
    )
    def test_a_header_that_is_not_a_host_gives_the_servers_address(self, header: str):
        assert link_host(self.SERVER, header) == "10.0.0.5:8000"

    def test_without_a_header_the_servers_address_is_the_host(self):
        assert link_host(self.SERVER, None) == "10.0.0.5:8000"

    def test_an_ipv6_server_address_is_bracketed(self):
        assert link_host({"scheme": "http", "server": ("::1", 8000)}, None) == "[::1]:8000"

    @pytest.mark.parametrize(
        ("scheme", "port", "expected"),
        [
            ("http", 80, "10.0.0.5"),
            ("https", 443, "10.0.0.5"),
            ("http", 443, "10.0.0.5:443"),
            ("https", 80, "10.0.0.5:80"),
            ("http", None, "10.0.0.5"),
        ],
    )
    def test_only_the_default_port_of_the_scheme_is_left_out(
        self, scheme: str, port: int | None, expected: str
    ):
        assert link_host({"scheme": scheme, "server": ("10.0.0.5", port)}, None) == expected

    def test_without_a_server_address_the_host_is_localhost(self):
        assert link_host({"scheme": "http", "server": None}, None) == "localhost"
        assert link_host({"scheme": "http"}, "a b") == "localhost"
