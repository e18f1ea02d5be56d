"""Answers: the format of each route (JSON, or an export's by its extension) and the
Accept headers it takes, and the
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
from app.http.links import link_host
from app.http.responses import accept
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


ANY = frozenset({"*"})  # ALLOWED_HOSTS=*: any host name


# --- Formats --------------------------------------------------------------------------

JSON, CSV, NDJSON = "application/json", "text/csv; charset=utf-8", "application/x-ndjson"
CALENDAR = "text/calendar; charset=utf-8"
EXPORTS = [  # an export path of each list, and the formats it serves
    ("/v1/events", ("csv", "ndjson", "ics")),
    ("/v1/areas", ("csv", "ndjson")),
    ("/v1/sources/blog-2014-05-07-ipcp-signing/citations", ("csv", "ndjson")),
]


def admits(header: str, fmt: Format) -> bool:
    """Whether `accept` lets a route answer in `fmt` for a request with this header."""
    request = Request({"type": "http", "headers": [(b"accept", header.encode())]})
    try:
        accept(request, fmt)
    except NotAcceptable:
        return False
    return True


class TestAccept:
    """`accept(request, fmt)`: a route answers in one format, and a 406 tells a client
    whose Accept header admits no such answer."""

    @pytest.mark.parametrize(
        ("header", "fmt"),
        [
            ("", Format.json),
            ("   ", Format.json),
            ("*/*", Format.csv),
            ("application/*", Format.json),
            ("application/*", Format.ndjson),
            ("text/*", Format.csv),
            ("text/*", Format.ics),
            ("image/png, */*;q=0.1", Format.json),
            ("TEXT/CSV", Format.csv),
            ("application/ndjson", Format.ndjson),
            ("application/jsonl", Format.ndjson),
            ("text/csv ; q=0.2 ; level=1", Format.csv),
            ("application/xml, text/calendar", Format.ics),
        ],
    )
    def test_wildcards_aliases_case_and_no_preference_are_understood(
        self, header: str, fmt: Format
    ):
        assert admits(header, fmt)

    @pytest.mark.parametrize(
        ("header", "fmt"),
        [
            ("text/csv", Format.json),
            ("text/*", Format.json),
            ("application/*", Format.csv),
            ("application/json;q=0, text/csv", Format.json),  # q=0: never
            ("application/json;q=high", Format.json),  # an unreadable weight counts as 0
            ("text/cs", Format.csv),  # no prefix of a type
        ],
    )
    def test_a_type_it_does_not_serve_is_not_acceptable(self, header: str, fmt: Format):
        assert not admits(header, fmt)

    def test_the_refusal_names_what_is_offered(self):
        request = Request({"type": "http", "headers": [(b"accept", b"application/xml")]})
        with pytest.raises(NotAcceptable) as refused:
            accept(request, Format.ndjson)
        assert refused.value.detail.endswith("offers application/x-ndjson.")


class TestFormatsOverHttp:
    def test_without_an_accept_header_the_answer_is_json(self, client: TestClient):
        request = client.build_request("GET", "/v1/events/ipcp-signing-2014")
        del request.headers["accept"]
        response = client.send(request)
        assert response.status_code == 200 and response.headers["content-type"] == JSON

    @pytest.mark.parametrize(
        "path",
        [
            "/v1/events",
            "/v1/areas",
            "/v1/events/ipcp-signing-2014",
            "/v1/search?q=cyber",
            "/v1/timeline",
            "/v1/sources/blog-2014-05-07-ipcp-signing/citations",
        ],
    )
    def test_a_json_route_refuses_another_type_with_a_406_naming_json(
        self, client: TestClient, path: str
    ):
        for header in ("text/csv", "application/xml"):
            problem = assert_problem(client.get(path, headers={"Accept": header}), 406)
            assert problem["type"] == "/problems/not-acceptable"
            assert problem["detail"].endswith("offers application/json.")

    @pytest.mark.parametrize(
        "path", ["/v1/events", "/v1/events/ipcp-signing-2014", "/v1/search?q=cyber"]
    )
    def test_a_json_route_takes_no_format_parameter(self, client: TestClient, path: str):
        joiner = "&" if "?" in path else "?"
        refused = assert_problem(client.get(f"{path}{joiner}format=csv"), 422, "query.format")
        assert "it takes" in refused["invalid-params"][0]["reason"]

    @pytest.mark.parametrize(("path", "formats"), EXPORTS)
    def test_each_export_path_serves_its_formats_and_refuses_others(
        self, client: TestClient, path: str, formats: tuple[str, ...]
    ):
        media = {"csv": CSV, "ndjson": NDJSON, "ics": CALENDAR}
        for fmt in ("csv", "ndjson", "ics", "json", "xml"):
            response = client.get(f"{path}.{fmt}?limit=1")
            if fmt in formats:
                assert response.status_code == 200, (fmt, response.text)
                assert response.headers["content-type"] == media[fmt]
            else:
                assert_problem(response, 422, "path.format")

    @pytest.mark.parametrize(("path", "formats"), EXPORTS)
    def test_the_document_offers_each_export_exactly_its_formats(
        self, client: TestClient, path: str, formats: tuple[str, ...]
    ):
        template = path.replace("blog-2014-05-07-ipcp-signing", "{slug}") + ".{format}"
        operation = client.get("/openapi.json").json()["paths"][template]["get"]
        [param] = [p for p in operation["parameters"] if p["name"] == "format"]
        assert param["in"] == "path" and tuple(param["schema"]["enum"]) == formats
        offered = list(operation["responses"]["200"]["content"])
        assert offered[0] == "text/csv"  # a generated client reads the first it knows
        assert len(offered) == len(formats)

    def test_an_export_refuses_an_accept_header_that_excludes_its_type(self, client: TestClient):
        problem = assert_problem(client.get("/v1/areas.csv", headers={"Accept": JSON}), 406)
        assert problem["detail"].endswith("offers text/csv.")
        for header in ("*/*", "text/*", "text/csv", "text/csv;q=0.5, application/json"):
            assert client.get("/v1/areas.csv?limit=1", headers={"Accept": header}).is_success


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

    def test_a_raw_query_is_escaped_byte_by_byte_in_self_and_next(
        self, any_host_client: TestClient
    ):
        client = any_host_client
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
    def test_links_name_the_host_the_client_asked(self, any_host_client: TestClient):
        client = any_host_client
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
    def test_a_host_header_naming_a_host_is_used(self, any_host_client: TestClient, host: str):
        client = any_host_client
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

    def test_by_default_a_host_not_allowed_gives_the_servers_address(self, client: TestClient):
        # ALLOWED_HOSTS is localhost, 127.0.0.1 and [::1] unless set.
        for host in ("evil.example", "api.example.org:8080", "localhost.evil.example"):
            body = page(client, "/v1/events?limit=2", headers={"host": host})
            assert body["links"]["self"] == "http://testserver/v1/events?limit=2", host
        for host in ("localhost:8000", "LOCALHOST", "127.0.0.1:8000", "[::1]:8000"):
            body = page(client, "/v1/events?limit=2", headers={"host": host})
            assert body["links"]["self"] == f"http://{host}/v1/events?limit=2", host


class TestPublicBaseUrl:
    def test_links_start_at_the_public_address_when_one_is_set(self, seeded_url: str):
        public = "https://api.example.org"
        settings = Settings(database_url=seeded_url, public_base_url=public + "/")
        app = create_app(settings)
        with TestClient(app) as client:
            body = page(client, "/v1/events?limit=2", headers={"host": "internal:8000"})
            calendar = client.get("/v1/events.ics?limit=1").text
        app.state.engine.dispose()
        assert body["links"]["self"] == f"{public}/v1/events?limit=2"
        assert body["links"]["next"].startswith(f"{public}/v1/events?limit=2&cursor=")
        assert f"URL:{public}/v1/events/" in calendar.replace("\r\n ", "")


class TestLinkHost:
    """`link_host(scope, host_header, allowed)`: the host a request's links (and its ETag) name."""

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
        assert link_host(self.SERVER, host, ANY) == host

    @pytest.mark.parametrize(
        "header", ['evil>"x', "a b", "<x>", "", "a.example/path", "-a.example", "a:port"]
    )
    def test_a_header_that_is_not_a_host_gives_the_servers_address(self, header: str):
        assert link_host(self.SERVER, header, ANY) == "10.0.0.5:8000"

    def test_without_a_header_the_servers_address_is_the_host(self):
        assert link_host(self.SERVER, None, ANY) == "10.0.0.5:8000"

    def test_an_ipv6_server_address_is_bracketed(self):
        assert link_host({"scheme": "http", "server": ("::1", 8000)}, None, ANY) == "[::1]:8000"

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
        assert link_host({"scheme": scheme, "server": ("10.0.0.5", port)}, None, ANY) == expected

    def test_without_a_server_address_the_host_is_localhost(self):
        assert link_host({"scheme": "http", "server": None}, None, ANY) == "localhost"
        assert link_host({"scheme": "http"}, "a b", ANY) == "localhost"

    @pytest.mark.parametrize(
        ("header", "allowed"),
        [
            ("api.example.org", True),
            ("API.Example.org.:8443", True),
            ("[::1]:8000", True),
            ("db_1:8000", False),
            ("api.example.org.evil", False),
            ("example.org", False),
        ],
    )
    def test_only_allowed_names_are_taken(self, header: str, allowed: bool):
        hosts = frozenset({"api.example.org", "[::1]"})
        assert (link_host(self.SERVER, header, hosts) == header) is allowed
