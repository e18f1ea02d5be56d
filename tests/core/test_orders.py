"""Cursors: a place in a list's order, as an opaque token that carries the last row's
sort values exactly, and refuses (422, never 500) anything it did not issue."""

import base64
import json
import re
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Date, Float, String, literal_column

from app.core.errors import InvalidParameter
from app.core.orders import Order, SortKey, decode_cursor, encode_cursor
from app.events import router as events
from tests.support import assert_problem, url


def token(payload: Any) -> str:
    """A cursor-like token made by hand: base64url of any JSON."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()


# Keys of typed columns, as a real order's are: a cursor's values must be of their types.
ORDER = Order(
    keys=(
        SortKey(literal_column("d", Date), is_date=True),
        SortKey(literal_column("t", String)),
        SortKey(literal_column("f", Float)),
    ),
    signature="-date,title",
)
RANK = Order(keys=(SortKey(literal_column("f", Float)),), signature="rank")


class TestCursorEncoding:
    """A cursor carries the last row's sort values exactly: dates, text in any script,
    and floats (a search's rank) to the last bit, in a URL-safe token."""

    def test_values_come_back_as_they_went(self):
        values = [date(2013, 4, 15), "東京-summit “quoted”", 1.4385746406451851]
        cursor = encode_cursor("-date,title", values)
        assert decode_cursor(cursor, ORDER) == values
        assert re.fullmatch(r"[A-Za-z0-9_-]+", cursor)  # no padding, nothing to escape

    @pytest.mark.parametrize("rank", [0.1, 1e-7, 2.5e-300, 123456.78901234567])
    def test_a_float_survives_to_the_last_bit(self, rank: float):
        assert decode_cursor(encode_cursor("rank", [rank]), RANK) == [rank]

    @pytest.mark.parametrize(
        ("cursor", "reason"),
        [
            ("!!!", "is not a cursor"),
            (base64.urlsafe_b64encode(b"not json").decode(), "is not a cursor"),
            (token({"signature": "-date,title"}), "is not a cursor"),
            (token([1, 2, 3]), "is not a cursor"),
            (token(["date", ["2013-04-15", "t", 1.0]]), "different sort order"),
            (token(["-date,title", ["2013-04-15", "t"]]), "different sort order"),
            (token(["-date,title", ["2013-13-01", "t", 1.0]]), "is not a cursor"),
            (token(["-date,title", [20130415, "t", 1.0]]), "is not a cursor"),
            (token(["-date,title", [None, "t", 1.0]]), "is not a cursor"),
        ],
        ids=[
            "not-base64",
            "not-json",
            "an-object",
            "three-items",
            "another-order",
            "too-few-values",
            "no-such-date",
            "a-number-for-a-date",
            "null-for-a-date",
        ],
    )
    def test_a_malformed_or_foreign_cursor_is_an_invalid_parameter(self, cursor: str, reason: str):
        with pytest.raises(InvalidParameter, match=reason) as refused:
            decode_cursor(cursor, ORDER)
        assert [p.name for p in refused.value.params] == ["query.cursor"]


# Hand-made cursors for `/v1/events?sort=title`, each refused with a 422.
REFUSED_CURSORS = {
    "not-base64": "!!!",
    "padding-only": "====",
    "not-json": base64.urlsafe_b64encode(b"not json").decode(),
    "an-object": token({"a": 1}),
    "three-items": token([1, 2, 3]),
    "a-string": token("ab"),
    "another-orders-signature": token(["-title", ["A", "a"]]),
    "a-list-as-signature": token([["title"], ["A", "a"]]),
    "too-few-values": token(["title", ["A"]]),
    "too-many-values": token(["title", ["A", "a", "b"]]),
}
# The right signature, values that are not the order's (not a list, nested, beyond 64
# bits, numbers or bools for text, a NUL in text): forged, and refused before any query.
FORGED_VALUES = {
    "values-a-number": token(["title", 5]),
    "values-null": token(["title", None]),
    "values-a-string": token(["title", "ab"]),
    "lists-as-values": token(["title", [[1], [2]]]),
    "an-object-as-value": token(["title", [{"a": 1}, "x"]]),
    "numbers-for-text": token(["title", [5, 6]]),
    "a-bool-for-text": token(["title", [True, "x"]]),
    "an-int-beyond-64-bits": token(["title", [10**30, "x"]]),
    "a-nul-in-text": token(["title", ["a\x00b", "x"]]),
}


class TestCursorsOverHTTP:
    def test_a_cursor_continues_where_its_page_ended(self, client: TestClient):
        first = client.get("/v1/events?sort=title&limit=2").json()
        cursor = first["meta"]["next_cursor"]
        after = client.get(url("/v1/events", sort="title", limit=2, cursor=cursor))
        assert after.status_code == 200, after.text
        both = client.get("/v1/events?sort=title&limit=4").json()["data"]
        assert first["data"] + after.json()["data"] == both

    def test_a_cursor_from_another_sort_is_a_422_problem(self, client: TestClient):
        cursor = client.get("/v1/events?sort=title&limit=2").json()["meta"]["next_cursor"]
        response = client.get(url("/v1/events", sort="-date", limit=2, cursor=cursor))
        assert "sort" in assert_problem(response, 422, "query.cursor")["detail"]

    def test_a_cursor_from_one_spelling_of_an_order_continues_another(self, client: TestClient):
        first = client.get("/v1/events", params={"limit": 3, "sort": "-date,title,date"}).json()
        again = client.get("/v1/events", params={"limit": 3, "sort": "-date,title"}).json()
        assert again["data"] == first["data"]
        cursor = first["meta"]["next_cursor"]
        after = client.get(
            "/v1/events", params={"limit": 3, "sort": "-date,title", "cursor": cursor}
        )
        assert after.status_code == 200, after.text
        six = client.get("/v1/events", params={"limit": 6, "sort": "-date,title"}).json()
        assert first["data"] + after.json()["data"] == six["data"]

    def test_a_forged_cursor_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get("/v1/events?cursor=bm90LWEtY3Vyc29y"), 422, "query.cursor")

    @pytest.mark.parametrize("name", REFUSED_CURSORS)
    def test_a_malformed_cursor_is_a_422_problem_never_a_500(self, client: TestClient, name: str):
        response = client.get(url("/v1/events", sort="title", cursor=REFUSED_CURSORS[name]))
        assert_problem(response, 422, "query.cursor")

    def test_a_cursor_with_values_of_the_wrong_shape_is_a_422_problem_never_a_500(
        self, client: TestClient
    ):
        answers = {
            name: client.get(url("/v1/events", sort="title", cursor=cursor)).status_code
            for name, cursor in FORGED_VALUES.items()
        }
        assert answers == dict.fromkeys(FORGED_VALUES, 422)

    @pytest.mark.parametrize("sort", ["date", "-date", "end", "kind,-date"])
    def test_a_date_that_is_no_date_is_a_422_problem(self, client: TestClient, sort: str):
        order = events.LIST.resource.order(sort)
        values: list[Any] = ["2013-02-30" if k.is_date else "x" for k in order.keys]
        cursor = encode_cursor(order.signature, values)
        assert_problem(client.get(url("/v1/events", sort=sort, cursor=cursor)), 422, "query.cursor")
