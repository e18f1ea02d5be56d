"""Page size, keyset cursors, sort orders and exact counts, on every list."""

import re
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import literal_column

from app.core.pagination import SortKey, decode_cursor, encode_cursor
from tests.support import FILES, assert_problem, curated, url, walk

BUSIEST_SOURCE = max(
    curated("sources"),
    key=lambda s: sum(
        c["source"] == s["slug"]
        for resource in ("events", "areas", "organisations")
        for r in curated(resource)
        for c in r["citations"]
    ),
)["slug"]


class TestPageSize:
    def test_the_default_page_holds_50(self, client: TestClient):
        body = client.get(f"/v1/sources/{BUSIEST_SOURCE}/citations").json()
        assert body["meta"]["limit"] == 50
        assert body["meta"]["returned"] == len(body["data"]) == 50
        assert body["meta"]["next_cursor"]
        events = client.get("/v1/events").json()
        assert events["meta"]["limit"] == 50
        assert events["meta"]["returned"] == min(50, len(curated("events")))

    @pytest.mark.parametrize("resource", FILES)
    def test_200_is_the_largest_page(self, client: TestClient, resource: str):
        assert client.get(f"/v1/{resource}?limit=200").json()["meta"]["limit"] == 200
        assert_problem(client.get(f"/v1/{resource}?limit=201"), 422, "query.limit")
        assert_problem(client.get(f"/v1/{resource}?limit=0"), 422, "query.limit")

    def test_a_page_holds_at_most_limit_records(self, client: TestClient):
        for limit in (1, 7, 48):
            body = client.get(f"/v1/events?limit={limit}").json()
            assert len(body["data"]) == limit


def date_key(record: dict[str, Any]) -> str | None:
    return record["date"]["earliest"] if record["date"] else None


def assert_dates(records: list[dict[str, Any]], *, descending: bool) -> None:
    """Dated records in order, undated ones after them, whichever the direction."""
    days = [date_key(r) for r in records]
    dated = [d for d in days if d is not None]
    assert days[: len(dated)] == dated, "an undated record came before a dated one"
    assert dated == sorted(dated, reverse=descending)


EVENT_SORTS = ["-date,title", "title", "kind,-date", "date", "-end", "-kind,slug"]


@pytest.mark.parametrize("sort", EVENT_SORTS)
class TestKeysetCursorOnEvents:
    def test_walking_links_next_visits_every_event_once_in_the_sort_order(
        self, client: TestClient, sort: str
    ):
        walked = walk(client, url("/v1/events", sort=sort, limit=4))
        order = [e["slug"] for e in walked]
        assert len(order) == len(set(order))
        assert set(order) == {e["slug"] for e in curated("events")}
        one_page = client.get(url("/v1/events", sort=sort, limit=200)).json()["data"]
        assert order == [e["slug"] for e in one_page]

    def test_the_order_follows_the_sort_fields(self, client: TestClient, sort: str):
        walked = walk(client, url("/v1/events", sort=sort, limit=6))
        first = sort.split(",")[0]
        if first.lstrip("-") == "date":
            assert_dates(walked, descending=first.startswith("-"))
        if first.lstrip("-") == "kind":
            kinds = [e["kind"] for e in walked]
            assert kinds == sorted(kinds, reverse=first.startswith("-"))
            if sort == "kind,-date":
                for kind in set(kinds):
                    assert_dates([e for e in walked if e["kind"] == kind], descending=True)
        if first == "-end":
            ends = [e["date"]["latest"] for e in walked if e["date"]]
            assert ends == sorted(ends, reverse=True)


LIST_SORTS = [
    ("programmes", "-date"),
    ("programmes", "name"),
    ("quotes", "-date,position"),
    ("quotes", "position"),
    ("areas", "-name"),
    ("people", "name"),
    ("organisations", "-name"),
    ("sources", "title"),
]


class TestKeysetCursorOnEveryList:
    @pytest.mark.parametrize(("resource", "sort"), LIST_SORTS)
    def test_walking_visits_each_record_once_in_the_order_of_one_long_page(
        self, client: TestClient, resource: str, sort: str
    ):
        walked = [r["slug"] for r in walk(client, url(f"/v1/{resource}", sort=sort, limit=3))]
        assert len(walked) == len(set(walked))
        assert set(walked) == {r["slug"] for r in curated(resource)}
        one_page = client.get(url(f"/v1/{resource}", sort=sort, limit=200)).json()["data"]
        assert walked == [r["slug"] for r in one_page]

    def test_the_cursor_meta_links_and_link_header_agree(self, client: TestClient):
        response = client.get("/v1/events?limit=5&kind=signing&kind=summit")
        body = response.json()
        cursor = body["meta"]["next_cursor"]
        assert cursor
        assert body["links"]["next"] == (
            f"http://testserver/v1/events?limit=5&kind=signing&kind=summit&cursor={cursor}"
        )
        assert response.headers["link"] == f'<{body["links"]["next"]}>; rel="next"'
        assert (
            body["links"]["self"] == "http://testserver/v1/events?limit=5&kind=signing&kind=summit"
        )

    def test_the_last_page_has_no_next(self, client: TestClient):
        response = client.get("/v1/events?limit=200")
        body = response.json()
        assert body["meta"]["next_cursor"] is None and body["links"]["next"] is None
        assert "link" not in response.headers

    def test_unknown_sort_field_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get("/v1/events?sort=colour"), 422, "query.sort")
        assert_problem(client.get("/v1/events?sort=date,-date"), 422, "query.sort")
        assert_problem(client.get("/v1/quotes?sort=title"), 422, "query.sort")

    def test_a_cursor_from_another_sort_is_a_422_problem(self, client: TestClient):
        cursor = client.get("/v1/events?sort=title&limit=2").json()["meta"]["next_cursor"]
        assert client.get(url("/v1/events", sort="title", limit=2, cursor=cursor)).is_success
        response = client.get(url("/v1/events", sort="-date", limit=2, cursor=cursor))
        assert "sort" in assert_problem(response, 422, "query.cursor")["detail"]

    def test_a_forged_cursor_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get("/v1/events?cursor=bm90LWEtY3Vyc29y"), 422, "query.cursor")


@pytest.mark.parametrize("resource", FILES)
class TestCount:
    def test_count_true_adds_the_exact_total(self, client: TestClient, resource: str):
        body = client.get(f"/v1/{resource}?limit=2&count=true").json()
        assert (
            body["meta"]["count"]
            == len(curated(resource))
            == len(walk(client, f"/v1/{resource}?limit=200"))
        )

    def test_count_is_absent_by_default(self, client: TestClient, resource: str):
        assert "count" not in client.get(f"/v1/{resource}?limit=2").json()["meta"]

    def test_count_follows_the_filter(self, client: TestClient, resource: str):
        matching = walk(client, url(f"/v1/{resource}", q="Japan", limit=200))
        body = client.get(url(f"/v1/{resource}", q="Japan", limit=1, count=True)).json()
        assert body["meta"]["count"] == len(matching)


class TestCursorEncoding:
    """A cursor carries the last row's sort values exactly: dates, text in any script,
    and floats (a search's rank) to the last bit, in a URL-safe token."""

    KEYS = [
        SortKey(literal_column("d"), is_date=True),
        SortKey(literal_column("t")),
        SortKey(literal_column("f")),
    ]

    def test_values_come_back_as_they_went(self):
        values = [date(2013, 4, 15), "東京-summit “quoted”", 1.4385746406451851]
        token = encode_cursor("-date,title", values)
        assert decode_cursor(token, "-date,title", self.KEYS) == values
        assert re.fullmatch(r"[A-Za-z0-9_-]+", token)  # no padding, nothing to escape

    @pytest.mark.parametrize("rank", [0.1, 1e-7, 2.5e-300, 123456.78901234567])
    def test_a_float_survives_to_the_last_bit(self, rank: float):
        token = encode_cursor("rank", [rank])
        assert decode_cursor(token, "rank", [SortKey(literal_column("f"))]) == [rank]
