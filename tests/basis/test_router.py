"""What values rest on, as the API shows it (`basis` on every record) and filters by it
(`basis=` on every list, the timeline and search)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from seeds.plan import build_plan
from tests.support import area_and_descendants, assert_problem, by_slug, url, walk

LEVELS = ("stated", "inferred", "external")
# The lists whose records carry a basis, and the kind the loader names them by.
KINDS = {
    "events": "event",
    "quotes": "quote",
    "programmes": "programme",
    "organisations": "organisation",
    "people": "person",
}


def rests(
    record: dict[str, Any],
    level: str,
    fields: set[str],
    areas: frozenset[str] | set[str] = frozenset(),
) -> bool:
    """The documented rule: the filtered fields rest at `level` or nearer the text, and
    so does one of the record's links to the filtered areas (any one: they are
    alternatives); with nothing filtered, every value does."""
    accepted = LEVELS[: LEVELS.index(level) + 1]
    entries = record.get("basis", [])
    if not fields and not areas:
        return all(e["basis"] in accepted for e in entries)
    if not all(e["basis"] in accepted for e in entries if e["field"] in fields):
        return False
    links = [e for e in entries if e["field"] == "areas" and e["item"] in areas]
    return not links or any(e["basis"] in accepted for e in links)


def records(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    return walk(client, url(f"/v1/{path}", limit=200, **params))


class TestEachRecordShowsItsBasis:
    @pytest.mark.parametrize("path", KINDS)
    def test_every_value_that_carries_a_basis_is_listed_as_the_loader_decided(
        self, client: TestClient, path: str
    ):
        plan = build_plan()
        served = {r["slug"]: r for r in records(client, path)}
        assert served.keys() == plan.records[KINDS[path]].keys()
        for slug, state in plan.records[KINDS[path]].items():
            expected = [
                {"field": b.field, "item": b.item, "basis": b.basis, "reason": b.reason}
                for b in state.bases
            ]
            assert served[slug]["basis"] == expected, slug
            assert served[slug]["note"] == state.columns["note"], slug

    def test_an_inferred_or_external_value_always_gives_its_reasoning(self, client: TestClient):
        for path in KINDS:
            for record in records(client, path):
                for entry in record["basis"]:
                    if entry["basis"] == "stated":
                        assert entry["reason"] is None or entry["reason"], record["slug"]
                    else:
                        assert entry["reason"], (record["slug"], entry)

    def test_the_data_holds_every_basis_and_some_of_each_kind(self, client: TestClient):
        seen = {e["basis"] for path in KINDS for r in records(client, path) for e in r["basis"]}
        assert seen == set(LEVELS)

    def test_a_detail_shows_the_same_basis_as_the_list(self, client: TestClient):
        listed = records(client, "quotes")[0]
        detail = client.get(f"/v1/quotes/{listed['slug']}").json()
        assert detail["basis"] == listed["basis"] and detail["note"] == listed["note"]

    def test_areas_have_a_note_and_carry_no_basis(self, client: TestClient):
        area = records(client, "areas")[0]
        assert "note" in area and "basis" not in area


# (list, its filters, the fields those filters name, the areas an area filter matches)
FILTERED = [
    ("events", {}, set(), set()),
    ("events", {"from": "2013", "to": "2014"}, {"date"}, set()),
    ("events", {"country": "japan"}, {"place.country"}, set()),
    ("events", {"place": "tokyo"}, {"place.name"}, set()),
    ("events", {"area": "emerging-security-challenges"}, set(), {"emerging-security-challenges"}),
    ("events", {"kind": "visit"}, set(), set()),
    ("quotes", {}, set(), set()),
    ("quotes", {"speaker": "anders-fogh-rasmussen"}, {"speaker"}, set()),
    ("quotes", {"organisation": "nato"}, {"speaker_organisation"}, set()),
    ("quotes", {"from": "2023"}, {"date"}, set()),
    ("quotes", {"area": "political-dialogue"}, set(), {"political-dialogue"}),
    ("programmes", {}, set(), set()),
    ("programmes", {"in_force_on": "2015"}, {"in_force"}, set()),
    ("programmes", {"area": "cyber-defence"}, set(), {"cyber-defence"}),
    ("organisations", {}, set(), set()),
    ("organisations", {"country": "japan"}, {"country"}, set()),
    ("people", {}, set(), set()),
    ("people", {"country": "japan"}, {"country"}, set()),
    ("areas", {}, set(), set()),
    ("sources", {}, set(), set()),
]


class TestBasisFilter:
    @pytest.mark.parametrize("level", LEVELS)
    @pytest.mark.parametrize(("path", "params", "fields", "areas"), FILTERED)
    def test_keeps_exactly_the_records_whose_filtered_values_rest_at_that_level(
        self,
        client: TestClient,
        path: str,
        params: dict[str, str],
        fields: set[str],
        areas: set[str],
        level: str,
    ):
        matched = set().union(*(area_and_descendants(a) for a in areas)) if areas else set()
        everything = records(client, path, **params)
        expected = [r["slug"] for r in everything if rests(r, level, fields, matched)]
        served = [r["slug"] for r in records(client, path, basis=level, **params)]
        assert served == expected
        if level == "external":
            assert served == [r["slug"] for r in everything]

    @pytest.mark.parametrize("path", ["events", "quotes", "programmes"])
    def test_stated_leaves_some_out_and_keeps_some(self, client: TestClient, path: str):
        everything = records(client, path)
        stated = records(client, path, basis="stated")
        assert 0 < len(stated) < len(everything)

    def test_counts_facets_and_exports_follow_the_filter(self, client: TestClient):
        stated = records(client, "events", basis="stated")
        page = client.get("/v1/events", params={"basis": "stated", "count": "true"}).json()
        assert page["meta"]["count"] == len(stated)
        facets = client.get("/v1/events", params={"basis": "stated", "facets": "kind"}).json()
        assert sum(f["count"] for f in facets["meta"]["facets"]["kind"]) == len(stated)
        lines = client.get("/v1/events.ndjson", params={"basis": "stated"}).text.splitlines()
        assert len(lines) == len(stated)

    def test_the_timeline_keeps_items_whose_dates_the_texts_bear_out(self, client: TestClient):
        events, programmes = by_slug("events"), by_slug("programmes")
        body = client.get("/v1/timeline", params={"basis": "stated", "limit": 200}).json()
        items = [item for year in body["data"] for item in year["items"]]
        assert items
        everything = client.get("/v1/timeline", params={"limit": 200}).json()
        assert len(items) < sum(len(y["items"]) for y in everything["data"])
        served = {r["slug"]: r for path in ("events", "programmes") for r in records(client, path)}
        for item in items:
            record = served[item["slug"]]
            # A milestone is placed by the programme's in-force dates, an event by its date.
            field = "in_force" if item["slug"] in programmes else "date"
            assert item["slug"] in programmes or item["slug"] in events
            assert rests(record, "stated", {field}), item["slug"]

    def test_search_keeps_the_hits_whose_records_rest_on_the_texts(self, client: TestClient):
        every = client.get("/v1/search", params={"q": "japan", "limit": 200}).json()["data"]
        stated = client.get(
            "/v1/search", params={"q": "japan", "limit": 200, "basis": "stated"}
        ).json()["data"]
        served: dict[tuple[str, str], dict[str, Any]] = {}
        for path in (*KINDS, "areas", "sources"):
            for r in records(client, path):
                served[(path, r["slug"])] = r

        def path_of(hit: dict[str, Any]) -> tuple[str, str]:
            return hit["url"].split("/")[2], hit["slug"]

        expected = [h["slug"] for h in every if rests(served[path_of(h)], "stated", set())]
        assert [h["slug"] for h in stated] == expected
        assert 0 < len(stated) < len(every)

    @pytest.mark.parametrize("path", ["events", "sources", "timeline", "search?q=nato"])
    def test_an_unknown_level_is_a_422_naming_basis(self, client: TestClient, path: str):
        joiner = "&" if "?" in path else "?"
        assert_problem(client.get(f"/v1/{path}{joiner}basis=proven"), 422, "query.basis")


def test_one_stated_link_to_the_filtered_areas_is_enough(client: TestClient):
    """An event linked to cyber defence by its words, and to CBRN defence by a reading,
    is kept by `area=emerging-security-challenges&basis=stated`: one link that rests on
    the text, to an area the filter matches, is enough."""
    kept = records(client, "events", area="emerging-security-challenges", basis="stated")
    slugs = {r["slug"] for r in kept}
    for record in kept:
        links = [e for e in record["basis"] if e["field"] == "areas"]
        assert any(e["basis"] == "stated" for e in links), record["slug"]
    mixed = [
        r
        for r in records(client, "events", area="emerging-security-challenges")
        if {e["basis"] for e in r["basis"] if e["field"] == "areas"} >= {"stated", "inferred"}
    ]
    assert mixed and all(
        r["slug"] in slugs
        for r in mixed
        if any(
            e["basis"] == "stated"
            and e["item"] in area_and_descendants("emerging-security-challenges")
            for e in r["basis"]
            if e["field"] == "areas"
        )
    )


def test_the_timeline_places_events_only_by_dates_the_texts_state(client: TestClient):
    body = client.get("/v1/timeline", params={"basis": "stated", "limit": 200})
    events = by_slug("events")
    served = {r["slug"]: r for r in records(client, "events")}
    items = [i for year in body.json()["data"] for i in year["items"] if i["slug"] in events]
    everything = client.get("/v1/timeline", params={"limit": 200}).json()["data"]
    assert 0 < len(items) < sum(1 for y in everything for i in y["items"] if i["slug"] in events)
    for item in items:  # its date stated, whatever its other values rest on
        (date,) = [e for e in served[item["slug"]]["basis"] if e["field"] == "date"]
        assert date["basis"] == "stated", item["slug"]
