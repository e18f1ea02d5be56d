"""GET /v1/sources/{slug}/citations: every citation into a source, in text order."""

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from tests.support import CITED, assert_problem, curated, url, walk

KINDS = {
    "events": "event", "programmes": "programme", "areas": "area", "quotes": "quote",
    "people": "person", "organisations": "organisation",
}  # fmt: skip
SOURCES = [s["slug"] for s in curated("sources")]


def curated_citations(source: str) -> Counter[tuple[str, str, str]]:
    """(record type, record slug, evidence) of every curated citation of `source`.

    A quote is also cited by its own words in its source, ahead of its other citations.
    """
    found = Counter(
        (KINDS[resource], record["slug"], citation["evidence"])
        for resource in CITED
        for record in curated(resource)
        for citation in record["citations"]
        if citation["source"] == source
    )
    found.update(
        ("quote", q["slug"], q["text"]) for q in curated("quotes") if q["source"] == source
    )
    return found


@pytest.mark.parametrize("source", SOURCES)
class TestListSourceCitations:
    def test_every_citation_of_the_source_once_in_order_of_start(
        self, client: TestClient, source: str
    ):
        served = walk(client, f"/v1/sources/{source}/citations?limit=9")
        starts = [c["start"] for c in served]
        assert starts == sorted(starts)
        assert Counter(
            (c["record"]["type"], c["record"]["slug"], c["evidence"]) for c in served
        ) == curated_citations(source)

    def test_offsets_locate_the_evidence_in_the_source_text(
        self, client: TestClient, source: str, source_texts: dict[str, str]
    ):
        text = source_texts[source]
        for citation in walk(client, f"/v1/sources/{source}/citations?limit=200"):
            assert text[citation["start"] : citation["end"]] == citation["evidence"]
            assert citation["record"]["name"]

    def test_the_number_of_citations_is_the_source_citation_count(
        self, client: TestClient, source: str
    ):
        detail = client.get(f"/v1/sources/{source}").json()
        listed = {s["slug"]: s for s in walk(client, "/v1/sources?limit=200")}
        served = walk(client, f"/v1/sources/{source}/citations?limit=200")
        count = client.get(f"/v1/sources/{source}/citations?count=true&limit=1").json()
        assert len(served) == detail["citation_count"] == listed[source]["citation_count"]
        assert count["meta"]["count"] == len(served) == sum(curated_citations(source).values())

    @pytest.mark.parametrize("types", [["event"], ["quote", "person"]])
    def test_type_keeps_the_citations_of_those_record_types(
        self, client: TestClient, source: str, types: list[str]
    ):
        path = f"/v1/sources/{source}/citations"
        served = walk(client, url(path, type=types, limit=200))
        want = sum(n for (kind, _, _), n in curated_citations(source).items() if kind in types)
        assert len(served) == want
        assert {c["record"]["type"] for c in served} <= set(types)


class TestListSourceCitationsErrors:
    def test_unknown_source_is_a_404_problem(self, client: TestClient):
        problem = assert_problem(client.get("/v1/sources/no-such-source/citations"), 404)
        assert "no-such-source" in problem["detail"]

    @pytest.mark.parametrize("kind", ["treaty", "", "events"])
    def test_unknown_record_type_is_a_422_problem_naming_the_kinds(
        self, client: TestClient, kind: str
    ):
        response = client.get(f"/v1/sources/{SOURCES[0]}/citations?type={kind}")
        problem = assert_problem(response, 422, "query.type")
        assert "'event'" in problem["invalid-params"][0]["reason"]

    def test_the_document_lists_the_record_types(self, client: TestClient):
        spec = client.get("/openapi.json").json()
        operation = spec["paths"]["/v1/sources/{slug}/citations"]["get"]
        [kind] = [p for p in operation["parameters"] if p["name"] == "type"]
        assert kind["schema"]["items"]["enum"] == [
            "event", "programme", "area", "quote", "person", "organisation"
        ]  # fmt: skip
