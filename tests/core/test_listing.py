"""Lists: `facets=` counts per value over every record the filter matches; an export's
batches come from one streamed query, in the list's order."""

import dataclasses
import json
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session

from app.core.config import Settings
from app.core.db import make_engine
from app.core.errors import InvalidParameter
from app.core.listing import ListSpec, iterate_batches
from app.events.service import SPEC, EventFilters, filtered
from tests.support import assert_problem, url, walk

FILTERS = [
    {},
    {"kind": ["signing", "summit"]},
    {"area": "emerging-security-challenges"},
    {"from": "2013", "to": "2014"},
    {"q": "Japan", "country": "japan"},
]


def as_counter(facet: list[dict[str, Any]]) -> Counter[Any]:
    return Counter({entry["value"]: entry["count"] for entry in facet})


@pytest.mark.parametrize("params", FILTERS)
class TestEventFacets:
    def test_kind_year_and_area_count_the_matching_events(
        self, client: TestClient, params: dict[str, Any]
    ):
        matching = walk(client, url("/v1/events", limit=200, **params))
        body = client.get(url("/v1/events", limit=1, count=True, facets="kind,year,area", **params))
        meta = body.json()["meta"]
        assert set(meta["facets"]) == {"kind", "year", "area"}
        kinds = as_counter(meta["facets"]["kind"])
        assert kinds == Counter(e["kind"] for e in matching)
        assert sum(kinds.values()) == meta["count"] == len(matching)
        years = Counter(int(e["date"]["earliest"][:4]) if e["date"] else None for e in matching)
        assert as_counter(meta["facets"]["year"]) == years
        areas = Counter(a["slug"] for e in matching for a in e["areas"])
        assert as_counter(meta["facets"]["area"]) == areas

    def test_facet_values_are_ordered_by_count(self, client: TestClient, params: dict[str, Any]):
        meta = client.get(url("/v1/events", facets="area,kind", **params)).json()["meta"]
        for facet in meta["facets"].values():
            counts = [entry["count"] for entry in facet]
            assert counts == sorted(counts, reverse=True)


def _year(span: dict[str, Any] | None) -> list[Any]:
    return [int(span["earliest"][:4]) if span else None]


def _slugs(refs: list[dict[str, Any]]) -> list[Any]:
    return [ref["slug"] for ref in refs]


def _slug(ref: dict[str, Any] | None) -> list[Any]:
    return [ref["slug"] if ref else None]  # an unset reference counts under null, like kind


# Each facet of each list, and the values one served record contributes to it.
FACETS = {
    ("events", "kind"): lambda r: [r["kind"]],
    ("events", "year"): lambda r: _year(r["date"]),
    ("events", "country"): lambda r: [r["place"]["country"]],
    ("events", "area"): lambda r: _slugs(r["areas"]),
    ("events", "programme"): lambda r: _slugs(r["programmes"]),
    ("events", "person"): lambda r: _slugs(r["people"]),
    ("events", "organisation"): lambda r: _slugs(r["organisations"]),
    ("programmes", "kind"): lambda r: [r["kind"]],
    ("programmes", "year"): lambda r: _year(r["in_force"]),
    ("programmes", "area"): lambda r: _slugs(r["areas"]),
    ("areas", "parent"): lambda r: _slug(r["parent"]),
    ("quotes", "year"): lambda r: _year(r["date"]),
    ("quotes", "mode"): lambda r: [r["mode"]],
    ("quotes", "speaker"): lambda r: _slug(r["speaker"]),
    ("quotes", "organisation"): lambda r: _slug(r["speaker_organisation"]),
    ("quotes", "event"): lambda r: _slug(r["event"]),
    ("quotes", "source"): lambda r: _slug(r["source"]),
    ("quotes", "area"): lambda r: _slugs(r["areas"]),
    ("people", "country"): lambda r: [r["country"]],
    ("organisations", "kind"): lambda r: [r["kind"]],
    ("organisations", "country"): lambda r: [r["country"]],
    ("organisations", "parent"): lambda r: _slug(r["parent"]),
    ("sources", "kind"): lambda r: [r["kind"]],
}
FILTER_BY_RESOURCE = {
    "events": {"q": "Japan"},
    "programmes": {"area": "interoperability"},
    "areas": {"q": "security"},
    "quotes": {"mode": "reported"},
    "people": {"q": "Japan"},
    "organisations": {"q": "NATO"},
    "sources": {},
}


class TestEveryFacet:
    @pytest.mark.parametrize(("resource", "facet"), FACETS)
    def test_counts_the_values_of_the_records_the_filter_matches(
        self, client: TestClient, resource: str, facet: str
    ):
        params = FILTER_BY_RESOURCE[resource]
        matching = walk(client, url(f"/v1/{resource}", limit=200, **params))
        response = client.get(url(f"/v1/{resource}", limit=1, facets=facet, **params))
        assert response.status_code == 200, response.text
        want = Counter(v for record in matching for v in FACETS[resource, facet](record))
        assert want and as_counter(response.json()["meta"]["facets"][facet]) == want

    def test_facets_are_absent_unless_asked_for(self, client: TestClient):
        assert "facets" not in client.get("/v1/events").json()["meta"]

    def test_an_unknown_facet_is_a_422_problem(self, client: TestClient):
        response = client.get("/v1/events?facets=kind,colour")
        assert "colour" in assert_problem(response, 422, "query.facets")["detail"]


class TestExportBatches:
    def test_one_query_streams_every_record_in_the_list_order(
        self, client: TestClient, seeded_url: str
    ):
        listed = [e["slug"] for e in walk(client, "/v1/events?limit=200")]
        engine = make_engine(Settings(database_url=seeded_url))
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        with Session(engine) as session:
            query = filtered(session=session, filters=EventFilters())
            keys, _ = SPEC.sort_keys(None)
            statements.clear()
            batches = list(iterate_batches(session, SPEC, query, keys=keys, batch=7))
        engine.dispose()
        assert len(batches) == -(-len(listed) // 7) > 1
        assert all(len(b) == 7 for b in batches[:-1])
        assert [json.loads(doc)["slug"] for b in batches for doc in b] == listed
        assert len([s for s in statements if "FROM event" in s]) == 1  # not one per batch

    def test_it_starts_after_a_cursor_position(self, client: TestClient, seeded_url: str):
        listed = [e["slug"] for e in walk(client, "/v1/events?limit=200&sort=slug")]
        engine = make_engine(Settings(database_url=seeded_url))
        with Session(engine) as session:
            query = filtered(session=session, filters=EventFilters())
            keys, _ = SPEC.sort_keys("slug")
            batches = iterate_batches(session, SPEC, query, keys=keys, start_after=[listed[9]])
            slugs = [json.loads(doc)["slug"] for b in batches for doc in b]
        engine.dispose()
        assert slugs == listed[10:]


class TestSortKeys:
    """`ListSpec.sort_keys`: parsed once per spelling, the same answer every time."""

    @pytest.fixture
    def spec(self, monkeypatch: pytest.MonkeyPatch) -> tuple[ListSpec, list[str | None]]:
        """A fresh copy of the events spec (its cache empty), recording each parse."""
        fresh = dataclasses.replace(SPEC)
        parsed: list[str | None] = []
        parse = fresh._parse_sort

        def recording(sort: str | None) -> Any:
            parsed.append(sort)
            return parse(sort)

        monkeypatch.setattr(fresh, "_parse_sort", recording)
        return fresh, parsed

    def test_a_spelling_is_parsed_once_and_gives_the_same_answer(
        self, spec: tuple[ListSpec, list[str | None]]
    ):
        fresh, parsed = spec
        first_keys, first = fresh.sort_keys("-date, title")
        again_keys, again = fresh.sort_keys("-date, title")
        assert parsed == ["-date, title"]
        assert (again_keys, again) == (first_keys, first) == (first_keys, "-date,title")
        assert [k.descending for k in first_keys] == [True, False, False]  # slug breaks ties
        again_keys.clear()  # a caller's list is its own
        assert fresh.sort_keys("-date, title")[0] == first_keys

    def test_an_invalid_order_is_refused_every_time(self, spec: tuple[ListSpec, list[str | None]]):
        fresh, parsed = spec
        for _ in range(2):
            with pytest.raises(InvalidParameter, match="cannot sort by 'colour'"):
                fresh.sort_keys("colour")
        assert parsed == ["colour", "colour"]

    def test_only_so_many_spellings_are_kept(self, spec: tuple[ListSpec, list[str | None]]):
        fresh, parsed = spec
        for spaces in range(100):
            fresh.sort_keys(" " * spaces + "date")
        assert len(fresh._orders) == 64
        assert fresh.sort_keys(" " * 99 + "date")[1] == "date"  # still answered...
        assert len(parsed) == 101  # ...parsed again, not kept
        assert SPEC._orders is not fresh._orders
