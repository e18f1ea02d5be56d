"""Every read endpoint, on both databases, against the curated files themselves."""

import hashlib

import pytest
from fastapi.testclient import TestClient

from seeds.reading import SEEDS_DIR
from tests.support import CITED, FILES, curated, walk

RESOURCES = FILES  # resource path → curated file


@pytest.fixture(scope="module")
def texts(client: TestClient) -> dict[str, str]:
    return {
        s["slug"]: client.get(f"/v1/sources/{s['slug']}").json()["text"]
        for s in curated("sources.yaml")
    }


@pytest.mark.parametrize("resource", RESOURCES)
class TestEveryResource:
    def test_list_serves_every_curated_record_once(self, client: TestClient, resource: str):
        served = [r["slug"] for r in walk(client, f"/v1/{resource}?limit=7")]
        assert len(served) == len(set(served))
        assert set(served) == {r["slug"] for r in curated(RESOURCES[resource])}

    def test_detail_serves_the_record_by_slug(self, client: TestClient, resource: str):
        for record in curated(RESOURCES[resource])[:5]:
            response = client.get(f"/v1/{resource}/{record['slug']}")
            assert response.status_code == 200
            assert response.json()["slug"] == record["slug"]

    def test_unknown_slug_is_a_404_problem(self, client: TestClient, resource: str):
        response = client.get(f"/v1/{resource}/no-such-record")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 404 and problem["type"] == "/problems/not-found"
        assert problem["instance"] == f"/v1/{resource}/no-such-record"
        assert "no-such-record" in problem["detail"]


@pytest.mark.parametrize("resource", CITED)
def test_every_served_citation_is_verbatim_at_its_offsets(
    client: TestClient, resource: str, texts: dict[str, str]
):
    for record in walk(client, f"/v1/{resource}?limit=200"):
        assert record["citations"], f"{resource}/{record['slug']} has no citation"
        for c in record["citations"]:
            assert texts[c["source"]][c["start"] : c["end"]] == c["evidence"]


class TestSources:
    def test_detail_includes_the_full_verbatim_text(self, client: TestClient):
        for record in curated("sources.yaml"):
            body = client.get(f"/v1/sources/{record['slug']}").json()
            raw = (SEEDS_DIR / "sources" / record["file"]).read_bytes()
            assert body["text"] == raw.decode("utf-8")
            assert body["sha256"] == hashlib.sha256(raw).hexdigest() == record["sha256"]
            assert body["length"] == len(body["text"])

    def test_list_omits_the_text(self, client: TestClient):
        for source in client.get("/v1/sources").json()["data"]:
            assert "text" not in source and source["citation_count"] > 0


class TestQuotes:
    def test_quote_text_is_at_its_offsets(self, client: TestClient, texts: dict[str, str]):
        for quote in walk(client, "/v1/quotes?limit=200"):
            text = texts[quote["source"]["slug"]]
            assert text[quote["text_start"] : quote["text_end"]] == quote["text"]
            assert quote["speaker"] or quote["speaker_organisation"] or quote["speaker_role"]


class TestRelations:
    def test_programme_lineage_is_symmetric(self, client: TestClient):
        programmes = {p["slug"]: p for p in walk(client, "/v1/programmes?limit=200")}
        for slug, programme in programmes.items():
            if programme["predecessor"]:
                before = programmes[programme["predecessor"]["slug"]]
                assert slug in [s["slug"] for s in before["successors"]]

    def test_area_parents_and_children_agree(self, client: TestClient):
        areas = {a["slug"]: a for a in walk(client, "/v1/areas?limit=200")}
        for slug, area in areas.items():
            for child in area["children"]:
                assert areas[child["slug"]]["parent"]["slug"] == slug

    def test_event_links_are_references_with_names(self, client: TestClient):
        linked = [e for e in walk(client, "/v1/events?limit=200") if e["areas"]]
        assert linked
        for ref in linked[0]["areas"]:
            assert set(ref) == {"slug", "name"} and ref["name"]


class TestPaging:
    def test_limit_above_the_maximum_is_a_422_problem(self, client: TestClient):
        response = client.get("/v1/events?limit=500")
        assert response.status_code == 422
        assert response.json()["invalid-params"][0]["name"] == "query.limit"

    def test_count_adds_the_exact_total(self, client: TestClient):
        body = client.get("/v1/events?limit=1&count=true").json()
        assert body["meta"]["count"] == len(curated("events.yaml"))

    def test_a_forged_cursor_is_a_422_problem(self, client: TestClient):
        response = client.get("/v1/events?cursor=not-a-cursor")
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"

    def test_source_filter_returns_records_cited_by_that_source(self, client: TestClient):
        slug = "nato-news-2013-07-04-emerging-security-challenges"
        events = walk(client, f"/v1/events?source={slug}")
        assert events
        assert all(any(c["source"] == slug for c in e["citations"]) for e in events)
