"""The filters every list has: `source=` (cited by) and `q=` (full-text search)."""

import re

import pytest
from fastapi.testclient import TestClient

from tests.support import CITED, FILES, assert_problem, cited_by, curated, slugs, url, walk

SOURCES = [s["slug"] for s in curated("sources")]


def search_hits(client: TestClient, q: str, resource: str) -> set[str]:
    hits = walk(client, url("/v1/search", q=q, type=resource, limit=200))
    return {h["slug"] for h in hits}


@pytest.mark.parametrize("resource", CITED)
class TestSourceFilterOnEveryList:
    def test_returns_exactly_the_records_that_cite_the_source(
        self, client: TestClient, resource: str
    ):
        nonempty = 0
        for source in SOURCES:
            records = walk(client, url(f"/v1/{resource}", source=source, limit=200))
            for record in records:
                assert source in {c["source"] for c in record["citations"]}
            found = [r["slug"] for r in records]
            assert len(found) == len(set(found))
            assert set(found) == cited_by(resource, source), source
            nonempty += bool(found)
        assert nonempty >= 2

    def test_every_served_record_citing_the_source_is_returned(
        self, client: TestClient, resource: str
    ):
        everything = walk(client, f"/v1/{resource}?limit=200")
        for source in SOURCES:
            citing = {
                r["slug"] for r in everything if source in {c["source"] for c in r["citations"]}
            }
            assert set(slugs(client, f"/v1/{resource}", source=source)) == citing

    def test_combines_with_the_other_filters(self, client: TestClient, resource: str):
        source = "nato-topic-relations-with-japan"
        cited = cited_by(resource, source)
        searched = set(slugs(client, f"/v1/{resource}", q="Japan"))
        both = set(slugs(client, f"/v1/{resource}", source=source, q="Japan"))
        assert both == cited & searched

    def test_unknown_source_is_a_422_problem_naming_source(self, client: TestClient, resource: str):
        response = client.get(f"/v1/{resource}?source=no-such-source")
        assert "no-such-source" in assert_problem(response, 422, "query.source")["detail"]


class TestSourceFilterOnSources:
    def test_a_source_is_cited_by_itself_alone(self, client: TestClient):
        for source in SOURCES:
            assert slugs(client, "/v1/sources", source=source) == [source]

    def test_unknown_source_is_a_422_problem_naming_source(self, client: TestClient):
        assert_problem(client.get("/v1/sources?source=no-such-source"), 422, "query.source")


def title_phrase(resource: str, record: dict) -> str:
    """A quoted phrase from what a record is titled by (a quote by its first words)."""
    if resource == "quotes":
        words = re.findall(r"[\w’'-]+", record["text"])[:10]
        return '"' + " ".join(words) + '"'
    return '"' + (record.get("title") or record["name"]).replace('"', "") + '"'


@pytest.mark.parametrize("resource", FILES)
class TestSearchFilterOnEveryList:
    @pytest.mark.parametrize("q", ["cyber defense", "maritime OR piracy", "Japan -Afghanistan"])
    def test_gives_the_records_the_search_finds_for_that_type(
        self, client: TestClient, resource: str, q: str
    ):
        found = slugs(client, f"/v1/{resource}", q=q)
        assert len(found) == len(set(found))
        assert set(found) == search_hits(client, q, resource)

    def test_finds_every_record_by_the_words_of_its_title(self, client: TestClient, resource: str):
        for record in curated(resource):
            phrase = title_phrase(resource, record)
            assert record["slug"] in slugs(client, f"/v1/{resource}", q=phrase), phrase

    def test_a_word_in_no_record_finds_nothing(self, client: TestClient, resource: str):
        assert slugs(client, f"/v1/{resource}", q="zeppelin") == []

    def test_an_empty_query_is_a_422_problem(self, client: TestClient, resource: str):
        assert_problem(client.get(f"/v1/{resource}?q="), 422, "query.q")
