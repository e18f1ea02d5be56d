"""GET /v1/search: ranked hits with snippets; the query syntax; the same hits on both
back-ends; the ranking window."""

import base64
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from app.search import service
from app.search.router import PATHS
from seeds.reading import SEEDS_DIR
from tests.support import assert_problem, by_slug, curated, url, walk

SEARCH = "/v1/search"
PLURALS = dict(PATHS)


def hits(client: TestClient, q: str, type: str | None = None) -> list[dict[str, Any]]:
    """Every hit, over every page."""
    params = {"q": q, "limit": 200, **({"type": type} if type else {})}
    return walk(client, url(SEARCH, **params))


def found(client: TestClient, q: str, type: str | None = None) -> set[tuple[str, str]]:
    every = [(h["type"], h["slug"]) for h in hits(client, q, type)]
    assert len(every) == len(set(every)), "a record was hit twice"
    return set(every)


class TestSearch:
    def test_hits_are_ranked_and_carry_type_slug_title_snippet_and_url(self, client: TestClient):
        response = client.get(url(SEARCH, q="cyber defense", type="events,quotes"))
        assert response.status_code == 200
        data = response.json()["data"]
        assert data
        ranks = [h["rank"] for h in data]
        assert ranks == sorted(ranks, reverse=True)
        for hit in data:
            assert hit["type"] in {"event", "quote"}
            assert hit["slug"] and hit["title"]
            assert hit["url"] == f"/v1/{PLURALS[hit['type']]}/{hit['slug']}"
            assert re.search(r"<mark>(?i:cyber|defen[cs]e)</mark>", hit["snippet"]), hit

    def test_every_hit_leads_to_its_record(self, client: TestClient):
        for hit in hits(client, "Tallinn OR Somalia"):
            response = client.get(hit["url"])
            assert response.status_code == 200 and response.json()["slug"] == hit["slug"]

    def test_type_restricts_the_hits_to_those_resources(self, client: TestClient):
        events, quotes = found(client, "Japan", "events"), found(client, "Japan", "quotes")
        assert events and quotes
        assert {t for t, _ in events} == {"event"} and {t for t, _ in quotes} == {"quote"}
        assert found(client, "Japan", "events,quotes") == events | quotes

    def test_unknown_type_is_a_422_problem_naming_type(self, client: TestClient):
        response = client.get(url(SEARCH, q="Japan", type="events,treaties"))
        assert "treaties" in assert_problem(response, 422, "query.type")["detail"]

    def test_a_missing_or_empty_query_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get(SEARCH), 422, "query.q")
        assert_problem(client.get(f"{SEARCH}?q="), 422, "query.q")

    @pytest.mark.parametrize("q", ["Japan", ">", "-japan"])
    def test_a_cursor_it_did_not_issue_is_a_422_even_when_nothing_can_match(
        self, client: TestClient, q: str
    ):
        # `>` and a lone exclusion leave nothing to search for; the cursor is still read.
        assert_problem(client.get(url(SEARCH, q=q, cursor="abc")), 422, "query.cursor")

    @pytest.mark.parametrize("score", ["NaN", "Infinity", "-Infinity"])
    def test_a_cursor_whose_rank_is_no_number_is_a_422(self, client: TestClient, score: str):
        # JSON as Python reads it takes these; a rank never is one, and a NaN would match
        # no hit, so that the search would read every match looking for the page.
        forged = base64.urlsafe_b64encode(f'["rank",[{score},3]]'.encode()).decode()
        response = client.get(url(SEARCH, q="cyber", cursor=forged.rstrip("=")))
        assert_problem(response, 422, "query.cursor")

    def test_a_cursor_ranked_below_every_hit_is_the_page_after_the_last(self, client: TestClient):
        forged = base64.urlsafe_b64encode(b'["rank",[-1e300,0]]').decode().rstrip("=")
        body = client.get(url(SEARCH, q="cyber", cursor=forged)).json()
        assert body["data"] == [] and body["meta"]["next_cursor"] is None

    def test_paging_by_cursor_visits_each_hit_once_in_rank_order(self, client: TestClient):
        walked = walk(client, url(SEARCH, q="Japan", limit=7))
        one_page = hits(client, "Japan")
        assert len(one_page) > 7
        assert [(h["type"], h["slug"]) for h in walked] == [
            (h["type"], h["slug"]) for h in one_page
        ]
        ranks = [h["rank"] for h in walked]
        assert ranks == sorted(ranks, reverse=True)


class TestSearchSpelling:
    def test_cyber_defense_finds_the_cyber_defence_records(self, client: TestClient):
        american = found(client, "cyber defense")
        assert american == found(client, "cyber defence")
        assert ("area", "cyber-defence") in american
        for resource, kind in (
            ("events", "event"),
            ("programmes", "programme"),
            ("quotes", "quote"),
        ):
            linked = {r["slug"] for r in curated(resource) if "cyber-defence" in r["areas"]}
            assert linked and {(kind, s) for s in linked} <= american, resource

    @pytest.mark.parametrize(
        ("american", "british"),
        [
            ("organization", "organisation"),
            ("program", "programme"),
            ("stabilizing", "stabilising"),
        ],
    )
    def test_american_and_british_spellings_find_the_same_records(
        self, client: TestClient, american: str, british: str
    ):
        assert found(client, american) == found(client, british) != set()


class TestSearchAliases:
    def test_every_alias_of_an_area_finds_the_area(self, client: TestClient):
        for area in curated("areas"):
            for alias in [area["name"], *area["aliases"]]:
                for q in (alias, f'"{alias}"'):
                    assert ("area", area["slug"]) in found(client, q, "areas"), q

    def test_an_alias_absent_from_the_area_name_still_finds_it(self, client: TestClient):
        area = by_slug("areas")["humanitarian-assistance-and-disaster-relief"]
        assert "disaster rescue" in area["aliases"] and "rescue" not in area["name"].lower()
        assert ("area", area["slug"]) in found(client, "disaster rescue", "areas")


def evidence_phrases() -> list[tuple[str, str]]:
    """Each distinct piece of evidence, as a phrase, with the source it was taken from."""
    pairs = set()
    for resource in ("events", "programmes", "areas", "quotes", "people", "organisations"):
        for record in curated(resource):
            for citation in record["citations"]:
                pairs.add((citation["source"], citation["evidence"].replace('"', " ")))
    return sorted(pairs)


class TestSearchSyntax:
    def test_a_phrase_with_stopwords_inside_matches_the_words_in_order(self, client: TestClient):
        phrase = found(client, '"weapons of mass destruction"', "areas")
        assert ("area", "non-proliferation") in phrase
        # The same words in another order are no phrase.
        assert found(client, '"destruction of mass weapons"', "areas") == set()

    def test_a_phrase_is_narrower_than_its_words(self, client: TestClient):
        words = found(client, "cooperation security")
        phrase = found(client, '"security cooperation"')
        assert phrase and phrase < words

    def test_every_citation_is_found_in_its_source_by_its_evidence_as_a_phrase(
        self, client: TestClient
    ):
        misses = [
            (source, evidence)
            for source, evidence in evidence_phrases()
            if ("source", source) not in found(client, f'"{evidence}"', "sources")
        ]
        assert misses == []

    @pytest.mark.parametrize(
        ("a", "b"), [("Tallinn", "Somalia"), ("Kishida", "Abe"), ("tsunami", '"disaster relief"')]
    )
    def test_or_gives_the_union_and_a_space_the_intersection(
        self, client: TestClient, a: str, b: str
    ):
        left, right = found(client, a), found(client, b)
        assert left and right
        assert found(client, f"{a} OR {b}") == left | right
        assert found(client, f"{a} {b}") == left & right

    @pytest.mark.parametrize(
        ("a", "b"),
        [("cyber", "maritime"), ('"cyber defence"', "exercise"), ("Japan", "Afghanistan")],
    )
    def test_a_minus_excludes_the_records_with_that_word(self, client: TestClient, a: str, b: str):
        left, right = found(client, a), found(client, b)
        assert left & right, "the exclusion must have something to remove"
        assert found(client, f"{a} -{b}") == left - right


WORD_PATTERNS = {
    "Tallinn": r"\btallinn\b",
    "Somalia": r"\bsomalia\b",
    "tsunami": r"\btsunamis?\b",
    "Madrid": r"\bmadrid\b",
}


def _documents() -> dict[tuple[str, str], str]:
    """What the curated data says of each area, event and source, as one text apiece."""
    areas, docs = by_slug("areas"), {}
    names = {
        resource: {r["slug"]: r["name"] for r in curated(resource)}
        for resource in ("programmes", "people", "organisations")
    }
    for area in curated("areas"):
        evidence = [c["evidence"] for c in area["citations"]]
        docs["area", area["slug"]] = " ".join(
            [area["name"], *area["aliases"], area["description"], *evidence]
        )
    for event in curated("events"):
        date = event.get("date")
        label = date.get("label") if isinstance(date, dict) else None
        linked = [n for s in event["areas"] for n in (areas[s]["name"], *areas[s]["aliases"])]
        for resource in ("programmes", "people", "organisations"):
            linked += [names[resource][s] for s in event[resource]]
        evidence = [c["evidence"] for c in event["citations"]]
        place = [event["place"]["name"] or "", event["place"]["country"] or ""]
        docs["event", event["slug"]] = " ".join(
            [event["title"], event["summary"], event["kind"], *place, label or "", *linked]
            + evidence
        )
    for source in curated("sources"):
        text = (SEEDS_DIR / "sources" / source["file"]).read_text(encoding="utf-8")
        docs["source", source["slug"]] = " ".join(
            [source["title"], source["publisher"] or "", text]
        )
    return docs


class TestSearchAgainstTheData:
    @pytest.mark.parametrize("word", WORD_PATTERNS)
    def test_a_distinctive_word_finds_exactly_the_records_that_contain_it(
        self, client: TestClient, word: str
    ):
        pattern = re.compile(WORD_PATTERNS[word], re.IGNORECASE)
        want = {key for key, text in _documents().items() if pattern.search(text)}
        assert want
        assert found(client, word, "areas,events,sources") == want


# Each back-end's hits for QUERIES; whichever back-end runs second compares with the first.
QUERIES = [
    "cyber defense",
    '"weapons of mass destruction"',
    "maritime OR piracy",
    "cyber -maritime",
    '"cyber defence" -exercise',
    "disaster relief",
    "counter-terrorism",
    "Kishida OR Abe",
    '"NATO-led operations"',
    '"cyber defence, counter-terrorism and non-proliferation"',
    "Japan partners -China",
]
_HITS_BY_BACKEND: dict[str, dict[str, set[tuple[str, str]]]] = {}


class TestSearchAcrossBackends:
    def test_sqlite_and_postgresql_find_the_same_records(self, client: TestClient, backend: str):
        mine = {q: found(client, q) for q in QUERIES}
        assert all(mine.values()), [q for q, hit in mine.items() if not hit]
        _HITS_BY_BACKEND[backend] = mine
        for other, theirs in _HITS_BY_BACKEND.items():
            if other != backend:
                differ = {q: mine[q] ^ theirs[q] for q in QUERIES if mine[q] != theirs[q]}
                assert differ == {}, f"{backend} and {other} disagree"


class TestSearchesAtOnce:
    def test_a_worker_runs_no_more_searches_at_once_than_search_threads(
        self, seeded_url: str, monkeypatch: pytest.MonkeyPatch
    ):
        """Eight requests at once, SEARCH_THREADS=1: each search waits for the one before
        (on SQLite the reads' own threads would allow two, on PostgreSQL forty)."""
        running, most, lock = 0, 0, threading.Lock()
        real = service.search

        def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            time.sleep(0.02)  # long enough for the others to arrive meanwhile
            try:
                return real(*args, **kwargs)
            finally:
                with lock:
                    running -= 1

        monkeypatch.setattr(service, "search", counted)
        settings = Settings(database_url=seeded_url, response_cache_mb=0, search_threads=1)
        with TestClient(create_app(settings)) as client, ThreadPoolExecutor(8) as pool:
            answers = list(
                pool.map(lambda n: client.get(url(SEARCH, q="japan", limit=n)), range(1, 9))
            )
        assert [a.status_code for a in answers] == [200] * 8
        assert most == 1

    def test_each_event_loop_has_a_limiter_of_its_own(self, client: TestClient):
        """A limiter wakes its waiters on the loop it was made on: one shared by two
        loops leaves the other's waiters waiting (uvicorn runs one loop a worker, but a
        test client, or a server embedding the app, may run more)."""
        indexes = client.app.state.search_indexes  # type: ignore[attr-defined]

        async def twice() -> tuple[Any, Any]:
            return indexes.limiter, indexes.limiter

        first, again = anyio.run(twice)
        other, _ = anyio.run(twice)
        assert first is again and other is not first
        assert first.total_tokens == other.total_tokens == indexes.searches

    def test_by_default_one_search_at_once_per_processor_it_may_run_on(self):
        assert Settings().searches == len(os.sched_getaffinity(0))
        assert Settings(search_threads=3).searches == 3
