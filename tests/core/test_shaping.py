"""Sparse fieldsets (`fields=`) and embedded records (`include=`), on lists and details."""

import pytest
from fastapi.testclient import TestClient

from tests.support import FILES, assert_problem, by_slug, curated, url, walk

FIELDS = {
    "events": ["title", "date"],
    "programmes": ["name", "in_force"],
    "areas": ["counts"],
    "quotes": ["text", "speaker"],
    "people": ["name"],
    "organisations": ["acronym", "kind"],
    "sources": ["title", "citation_count"],
}


@pytest.mark.parametrize("resource", FILES)
class TestFields:
    def test_fields_keeps_only_the_slug_and_the_requested_fields(
        self, client: TestClient, resource: str
    ):
        wanted = FIELDS[resource]
        full = {r["slug"]: r for r in walk(client, f"/v1/{resource}?limit=200")}
        sparse = walk(client, url(f"/v1/{resource}", fields=",".join(wanted), limit=200))
        assert len(sparse) == len(full)
        for record in sparse:
            assert set(record) == {"slug", *wanted}
            assert record == {k: full[record["slug"]][k] for k in record}

    def test_fields_applies_to_the_detail_route(self, client: TestClient, resource: str):
        slug = curated(resource)[0]["slug"]
        wanted = FIELDS[resource][:1]
        body = client.get(url(f"/v1/{resource}/{slug}", fields=",".join(wanted))).json()
        assert set(body) == {"slug", *wanted}

    def test_an_unknown_field_is_a_422_problem(self, client: TestClient, resource: str):
        response = client.get(f"/v1/{resource}?fields=slug,colour")
        assert "colour" in assert_problem(response, 422, "query.fields")["detail"]
        slug = curated(resource)[0]["slug"]
        assert_problem(client.get(f"/v1/{resource}/{slug}?fields=colour"), 422, "query.fields")

    def test_an_unknown_include_is_a_422_problem(self, client: TestClient, resource: str):
        response = client.get(f"/v1/{resource}?include=everything")
        assert "everything" in assert_problem(response, 422, "query.include")["detail"]
        slug = curated(resource)[0]["slug"]
        response = client.get(f"/v1/{resource}/{slug}?include=everything")
        assert_problem(response, 422, "query.include")


class TestIncludeOnEvents:
    def test_areas_quotes_and_citations_are_embedded_in_full(
        self, client: TestClient, source_texts: dict[str, str]
    ):
        embedded = walk(client, "/v1/events?include=areas,quotes,citations&limit=200")
        plain = {e["slug"]: e for e in walk(client, "/v1/events?limit=200")}
        titles = {s["slug"]: s["title"] for s in curated("sources")}
        quotes = by_slug("quotes")
        seen_quotes = 0
        for event in embedded:
            before = plain[event["slug"]]
            assert [a["slug"] for a in event["areas"]] == [a["slug"] for a in before["areas"]]
            for area in event["areas"]:
                assert area["aliases"] == by_slug("areas")[area["slug"]]["aliases"]
                assert set(area["counts"]) == {"events", "programmes", "quotes"}
                assert area["counts"]["events"] >= 1
            assert [q["slug"] for q in event["quotes"]] == [q["slug"] for q in before["quotes"]]
            for quote in event["quotes"]:
                assert quote["text"] == quotes[quote["slug"]]["text"]
                assert quote["event"]["slug"] == event["slug"]
                seen_quotes += 1
            assert len(event["citations"]) == len(before["citations"])
            for citation in event["citations"]:
                text = source_texts[citation["source"]]
                start, end = citation["start"], citation["end"]
                assert citation["source_title"] == titles[citation["source"]]
                assert text[start:end] == citation["evidence"]
                assert text[:start].endswith(citation["context_before"])
                assert text[end:].startswith(citation["context_after"])
                assert 0 < len(citation["context_before"]) <= 80 or start == 0
                assert 0 < len(citation["context_after"]) <= 80 or end == len(text)
        assert seen_quotes == sum(1 for q in curated("quotes") if q["event"])

    def test_without_include_related_records_are_references(self, client: TestClient):
        for event in walk(client, "/v1/events?limit=200"):
            for ref in event["areas"] + event["quotes"]:
                assert set(ref) == {"slug", "name"}
            for citation in event["citations"]:
                assert set(citation) == {"source", "evidence", "start", "end"}

    def test_include_applies_to_the_detail_route(self, client: TestClient):
        body = client.get("/v1/events/ipcp-signing-2014?include=areas,people,citations").json()
        assert {a["slug"] for a in body["areas"]} == set(
            by_slug("events")["ipcp-signing-2014"]["areas"]
        )
        assert all("counts" in a and "aliases" in a for a in body["areas"])
        assert all("roles" in p for p in body["people"])
        assert all("source_title" in c for c in body["citations"])

    def test_include_and_fields_combine(self, client: TestClient):
        body = client.get("/v1/events/ipcp-signing-2014?include=areas&fields=areas").json()
        assert set(body) == {"slug", "areas"}
        assert all("description" in a for a in body["areas"])


class TestIncludeOnOtherResources:
    def test_programmes_embed_predecessor_successors_and_events(self, client: TestClient):
        slug = "individual-partnership-and-cooperation-programme-2020"
        body = client.get(f"/v1/programmes/{slug}?include=predecessor,successors,events").json()
        assert (
            body["predecessor"]["slug"] == "individual-partnership-and-cooperation-programme-2014"
        )
        assert "in_force" in body["predecessor"]
        assert all("in_force" in s for s in body["successors"]) and body["successors"]
        assert all("summary" in e for e in body["events"]) and body["events"]

    def test_quotes_embed_speaker_and_event(self, client: TestClient):
        for quote in walk(client, "/v1/quotes?include=speaker,event&limit=200"):
            if quote["speaker"]:
                assert "roles" in quote["speaker"]
            if quote["event"]:
                assert "summary" in quote["event"]

    def test_areas_embed_parent_and_children(self, client: TestClient):
        body = client.get("/v1/areas/cyber-defence?include=parent").json()
        assert body["parent"]["slug"] == "emerging-security-challenges"
        assert {c["slug"] for c in body["parent"]["children"]} >= {"cyber-defence"}
