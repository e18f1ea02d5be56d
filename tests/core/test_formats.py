"""CSV and NDJSON exports, chosen by Accept or `format=`, and 406 for what we don't serve."""

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support import FILES, assert_problem, url, walk

FILTERED = {
    "events": {"area": "cyber-defence", "from": "2013"},
    "programmes": {"kind": "partnership_programme"},
    "areas": {"parent": "emerging-security-challenges"},
    "quotes": {"mode": "reported"},
    "people": {"q": "Japan"},
    "organisations": {"kind": "state"},
    "sources": {"q": "cyber"},
}


def parse_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body)
    return header, [dict(zip(header, row, strict=True)) for row in body]


def parse_ndjson(text: str) -> list[dict[str, Any]]:
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("resource", FILES)
@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
class TestExports:
    def test_csv_holds_a_header_and_every_matching_record_in_order(
        self, client: TestClient, resource: str, filtered: bool
    ):
        params = FILTERED[resource] if filtered else {}
        records = walk(client, url(f"/v1/{resource}", limit=7, **params))
        assert records
        response = client.get(url(f"/v1/{resource}", **params), headers={"Accept": "text/csv"})
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        header, rows = parse_csv(response.text)
        assert header[0] == "slug" and len(header) == len(set(header))
        assert [row["slug"] for row in rows] == [r["slug"] for r in records]

    def test_ndjson_holds_every_matching_record_as_json_serves_it(
        self, client: TestClient, resource: str, filtered: bool
    ):
        params = FILTERED[resource] if filtered else {}
        records = walk(client, url(f"/v1/{resource}", limit=7, **params))
        response = client.get(url(f"/v1/{resource}", format="ndjson", **params))
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/x-ndjson"
        assert parse_ndjson(response.text) == records


class TestNegotiation:
    def test_format_and_accept_choose_the_same_representation(self, client: TestClient):
        for fmt, media in (("csv", "text/csv"), ("ndjson", "application/x-ndjson")):
            by_format = client.get(f"/v1/programmes?format={fmt}")
            by_accept = client.get("/v1/programmes", headers={"Accept": media})
            assert by_format.text == by_accept.text and by_format.text

    def test_format_overrides_the_accept_header(self, client: TestClient):
        response = client.get("/v1/areas?format=json", headers={"Accept": "text/csv"})
        assert response.headers["content-type"] == "application/json"

    def test_the_most_preferred_acceptable_type_wins(self, client: TestClient):
        accept = "application/xml, text/csv;q=0.5, application/x-ndjson;q=0.9"
        response = client.get("/v1/areas", headers={"Accept": accept})
        assert response.headers["content-type"] == "application/x-ndjson"

    @pytest.mark.parametrize(
        "path",
        ["/v1/events", "/v1/events/ipcp-signing-2014", "/v1/search?q=cyber", "/v1/timeline"],
    )
    def test_an_unsupported_accept_is_a_406_problem(self, client: TestClient, path: str):
        problem = assert_problem(client.get(path, headers={"Accept": "application/xml"}), 406)
        assert problem["type"] == "/problems/not-acceptable"

    def test_an_unknown_format_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get("/v1/events?format=xml"), 422, "query.format")


class TestCsvColumns:
    def test_nested_objects_become_prefixed_columns_and_references_slug_lists(
        self, client: TestClient
    ):
        records = {e["slug"]: e for e in walk(client, "/v1/events?limit=200")}
        header, rows = parse_csv(client.get("/v1/events?format=csv").text)
        assert {"date_earliest", "date_latest", "place_name", "place_country"} <= set(header)
        for row in rows:
            event = records[row["slug"]]
            assert row["date_earliest"] == (event["date"]["earliest"] if event["date"] else "")
            assert row["place_name"] == (event["place"]["name"] or "")
            assert row["areas"] == "|".join(a["slug"] for a in event["areas"])
            assert json.loads(row["citations"]) == event["citations"]

    def test_fields_chooses_the_columns(self, client: TestClient):
        header, rows = parse_csv(client.get("/v1/events?format=csv&fields=title,kind").text)
        assert header == ["slug", "title", "kind"]
        assert rows

    def test_an_export_without_a_limit_is_not_cut_at_the_page_size(self, client: TestClient):
        source = "nato-topic-relations-with-japan"
        citations = walk(client, f"/v1/sources/{source}/citations?limit=200")
        assert len(citations) > 50
        _, rows = parse_csv(client.get(f"/v1/sources/{source}/citations?format=csv").text)
        assert len(rows) == len(citations)
        lines = parse_ndjson(client.get(f"/v1/sources/{source}/citations?format=ndjson").text)
        assert lines == citations

    def test_an_export_with_a_limit_is_one_page_with_a_link_to_the_next(self, client: TestClient):
        response = client.get("/v1/events?format=csv&limit=5")
        _, rows = parse_csv(response.text)
        first_page = client.get("/v1/events?limit=5").json()
        assert [r["slug"] for r in rows] == [e["slug"] for e in first_page["data"]]
        assert first_page["meta"]["next_cursor"] in response.headers["link"]
