"""A list's links: `self` is the request's own absolute URL; `next` (and the `Link`
header) is that URL with the other parameters as the client wrote them and its
`cursor` replaced, never repeated."""

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.responses import _address, _next, origin
from app.main import create_app

BASE = "http://testserver"


def get(client: TestClient, address: str, **kwargs: Any) -> dict[str, Any]:
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


class TestNextLink:
    def test_next_keeps_the_filters_and_limit_and_adds_one_cursor(self, client: TestClient):
        body = get(client, "/v1/events?limit=2&kind=summit")
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
            body = get(client, address)
            address = body["links"]["next"]
            cursors.append(body["meta"]["next_cursor"])
            assert address.count("cursor=") == 1
            assert address == f"{BASE}/v1/events?limit=2&kind=contribution&cursor={cursors[-1]}"
        assert len(set(cursors)) == 3
        # The third page is the one after the second cursor: the links did move on.
        third = get(client, f"/v1/events?limit=2&kind=contribution&cursor={cursors[1]}")
        assert third["meta"]["next_cursor"] == cursors[2]

    def test_a_cursor_anywhere_in_the_query_is_replaced(self, client: TestClient):
        first = get(client, "/v1/events?limit=3")
        cursor = first["meta"]["next_cursor"]
        second = get(client, f"/v1/events?cursor={cursor}&limit=3&sort=date")
        following = second["meta"]["next_cursor"]
        assert following and following != cursor
        assert second["links"]["next"] == f"{BASE}/v1/events?limit=3&sort=date&cursor={following}"

    def test_an_empty_cursor_is_replaced_too(self, client: TestClient):
        body = get(client, "/v1/events?limit=2&cursor=")
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == f"{BASE}/v1/events?limit=2&cursor={cursor}"

    def test_the_other_parameters_stay_as_the_client_wrote_them(self, client: TestClient):
        body = get(client, "/v1/events?fields=slug%2Ctitle&kind=contribution&limit=2&place=")
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == (
            f"{BASE}/v1/events?fields=slug%2Ctitle&kind=contribution&limit=2&place=&cursor={cursor}"
        )

    def test_repeated_parameters_are_all_kept_in_order(self, client: TestClient):
        body = get(client, "/v1/events?kind=summit&limit=1&kind=signing")
        cursor = body["meta"]["next_cursor"]
        assert parse_qsl(query_of(body["links"]["next"])) == [
            ("kind", "summit"),
            ("limit", "1"),
            ("kind", "signing"),
            ("cursor", cursor),
        ]

    def test_the_last_page_has_no_next_link(self, client: TestClient):
        body = get(client, "/v1/events?kind=summit&limit=200")
        assert body["links"]["next"] is None and body["meta"]["next_cursor"] is None

    def test_other_lists_link_their_next_page_the_same_way(self, client: TestClient):
        for path in ("/v1/areas", "/v1/organisations", "/v1/quotes"):
            body = get(client, f"{path}?limit=2&sort=-slug")
            cursor = body["meta"]["next_cursor"]
            assert body["links"]["next"] == f"{BASE}{path}?limit=2&sort=-slug&cursor={cursor}"


class TestSelfLink:
    def test_self_is_the_requests_own_absolute_url(self, client: TestClient):
        body = get(client, "/v1/events?limit=2&kind=summit")
        assert body["links"]["self"] == f"{BASE}/v1/events?limit=2&kind=summit"

    def test_self_keeps_the_cursor_it_was_asked_with(self, client: TestClient):
        cursor = get(client, "/v1/events?limit=2")["meta"]["next_cursor"]
        body = get(client, f"/v1/events?limit=2&cursor={cursor}")
        assert body["links"]["self"] == f"{BASE}/v1/events?limit=2&cursor={cursor}"

    def test_self_without_a_query_has_no_question_mark(self, client: TestClient):
        assert get(client, "/v1/people")["links"]["self"] == f"{BASE}/v1/people"

    def test_links_name_the_host_the_client_asked(self, client: TestClient):
        body = get(client, "/v1/events?limit=2", headers={"host": "api.example.org:8080"})
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["self"] == "http://api.example.org:8080/v1/events?limit=2"
        assert body["links"]["next"] == (
            f"http://api.example.org:8080/v1/events?limit=2&cursor={cursor}"
        )

    def test_links_keep_the_scheme_of_the_request(self, client: TestClient):
        # The same address asked over http first: an https answer must not reuse its links.
        get(client, "http://testserver/v1/events?limit=4&kind=signing")
        body = get(client, "https://testserver/v1/events?limit=4&kind=signing")
        assert body["links"]["self"] == "https://testserver/v1/events?limit=4&kind=signing"

    def test_links_under_a_root_path_are_addresses_that_answer(self, client: TestClient):
        # Served under a prefix (`uvicorn --root-path /api`), the ASGI path includes it.
        mounted = TestClient(client.app, root_path="/api")
        body = get(mounted, "/api/v1/events?limit=2")
        assert body["links"]["self"] == f"{BASE}/api/v1/events?limit=2"
        cursor = body["meta"]["next_cursor"]
        assert body["links"]["next"] == f"{BASE}/api/v1/events?limit=2&cursor={cursor}"
        assert mounted.get(body["links"]["next"]).status_code == 200


class TestPublicBaseUrl:
    def test_links_start_at_the_public_address_when_one_is_set(self, seeded_url: str):
        public = "https://api.example.org"
        app = create_app(Settings(database_url=seeded_url, public_base_url=public + "/"))
        with TestClient(app) as client:
            body = get(client, "/v1/events?limit=2")
            calendar = client.get("/v1/events?format=ics&limit=1").text
        app.state.engine.dispose()
        assert body["links"]["self"] == f"{public}/v1/events?limit=2"
        assert body["links"]["next"].startswith(f"{public}/v1/events?limit=2&cursor=")
        assert f"URL:{public}/v1/events/" in calendar.replace("\r\n ", "")


def scope_for(app: Any, **overrides: Any) -> dict[str, Any]:
    scope: dict[str, Any] = {
        "type": "http",
        "app": app,
        "scheme": "http",
        "path": "/v1/events",
        "query_string": b"",
        "headers": [],
        "server": ("10.0.0.5", 8000),
    }
    return {**scope, **overrides}


class TestAddressParts:
    """`self` and `next` are built from the raw ASGI parts; each part a client controls
    is checked or escaped before it is written into a link."""

    def test_a_raw_utf8_query_is_escaped_byte_for_byte(self, client: TestClient):
        request = Request(scope_for(client.app, query_string="q=Tōkyō&x=a b".encode()))
        assert _address(request) == "http://10.0.0.5:8000/v1/events?q=T%C5%8Dky%C5%8D&x=a%20b"

    def test_a_query_already_escaped_is_kept_as_written(self, client: TestClient):
        request = Request(scope_for(client.app, query_string=b"q=T%C5%8Dky%C5%8D&kind=summit"))
        assert _address(request).endswith("/v1/events?q=T%C5%8Dky%C5%8D&kind=summit")

    def test_next_escapes_the_kept_parameters_the_same_way(self, client: TestClient):
        request = Request(scope_for(client.app, query_string="q=Tōkyō&cursor=old".encode()))
        url, headers = _next(request, "NEW")
        assert url == "http://10.0.0.5:8000/v1/events?q=T%C5%8Dky%C5%8D&cursor=NEW"
        assert headers == {"Link": f'<{url}>; rel="next"'}

    def test_a_host_header_that_is_not_a_host_is_not_written_into_links(self, client: TestClient):
        body = get(client, "/v1/events?limit=2", headers={"host": 'evil.example>; rel="prev", <x'})
        assert body["links"]["self"] == "http://testserver/v1/events?limit=2"
        assert "evil" not in body["links"]["next"]

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
        request = Request(scope_for(client.app, headers=[(b"host", host.encode())]))
        assert origin(request) == f"http://{host}"

    def test_without_a_host_header_the_servers_address_is_used(self, client: TestClient):
        assert origin(Request(scope_for(client.app))) == "http://10.0.0.5:8000"

    def test_an_ipv6_server_address_is_bracketed(self, client: TestClient):
        request = Request(scope_for(client.app, server=("::1", 8000)))
        assert origin(request) == "http://[::1]:8000"

    def test_the_default_port_of_the_scheme_is_left_out(self, client: TestClient):
        request = Request(scope_for(client.app, scheme="https", server=("10.0.0.5", 443)))
        assert origin(request) == "https://10.0.0.5"

    def test_a_server_on_a_unix_socket_without_host_is_named_localhost(self, client: TestClient):
        # uvicorn --uds gives no server address; this used to fail with a 500.
        assert origin(Request(scope_for(client.app, server=None))) == "http://localhost"
