"""GET /v1/events: every filter, against the curated events.yaml."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.query import lists
from tests.support import (
    area_and_descendants,
    assert_problem,
    by_slug,
    curated,
    overlaps,
    partial_span,
    record_span,
    slugs,
)

EVENTS = "/v1/events"


def expected(predicate) -> set[str]:  # type: ignore[no-untyped-def]
    return {e["slug"] for e in curated("events") if predicate(e)}


def served(client: TestClient, **params: object) -> set[str]:
    found = slugs(client, EVENTS, **params)
    assert len(found) == len(set(found)), "an event was served twice"
    return set(found)


class TestListEventsByKind:
    def test_one_kind_gives_exactly_the_events_of_that_kind(self, client: TestClient):
        for kind in ("signing", "summit", "contribution"):
            want = expected(lambda e, k=kind: e["kind"] == k)
            assert want and served(client, kind=kind) == want

    def test_repeated_kinds_are_alternatives(self, client: TestClient):
        want = expected(lambda e: e["kind"] in {"signing", "summit"})
        assert served(client, kind=["signing", "summit"]) == want
        assert want > expected(lambda e: e["kind"] == "signing")

    def test_unknown_kind_is_a_422_problem_naming_kind(self, client: TestClient):
        assert_problem(client.get(f"{EVENTS}?kind=coup"), 422, "query.kind")


class TestListEventsByArea:
    def test_each_area_gives_the_events_linked_to_it_or_its_sub_areas(self, client: TestClient):
        for area in curated("areas"):
            family = area_and_descendants(area["slug"])
            want = expected(lambda e, f=family: bool(f & set(e["areas"])))
            assert served(client, area=area["slug"]) == want, area["slug"]

    @pytest.mark.parametrize(
        ("parent", "child", "event"),
        [
            (
                "arms-control",
                "stockpile-management",
                "japan-contributions-nato-trust-fund-projects",
            ),
            (
                "crisis-management",
                "peace-support-operations",
                "nato-peace-support-operations-balkans",
            ),
            (
                "stabilisation-and-reconstruction",
                "disarmament-demobilisation-and-reintegration",
                "japan-support-afghanistan-reintegration",
            ),
        ],
    )
    def test_a_parent_area_matches_events_linked_only_to_a_child(
        self, client: TestClient, parent: str, child: str, event: str
    ):
        linked = by_slug("events")[event]["areas"]
        assert child in linked and parent not in linked  # the data makes the point
        assert by_slug("areas")[child]["parent"] == parent
        assert event in served(client, area=parent)
        assert event in served(client, area=child)

    def test_repeated_areas_are_alternatives(self, client: TestClient):
        one = served(client, area="maritime-security")
        other = served(client, area="trust-funds")
        assert served(client, area=["maritime-security", "trust-funds"]) == one | other
        assert one - other and other - one

    def test_unknown_area_is_a_404_problem_naming_area(self, client: TestClient):
        problem = assert_problem(client.get(f"{EVENTS}?area=atlantis"), 404, "query.area")
        assert "atlantis" in problem["detail"]

    def test_a_common_area_is_checked_row_by_row_with_the_same_answer(
        self, client: TestClient, monkeypatch: pytest.MonkeyPatch
    ):
        # With the threshold at 1 every link counts as common: the EXISTS form runs.
        rare = {a["slug"]: served(client, area=a["slug"]) for a in curated("areas")}
        monkeypatch.setattr(lists, "COMMON_LINKS", 1)
        for area, want in rare.items():
            assert served(client, area=area, count="true") == want, area
        assert any(rare.values())


@pytest.mark.parametrize(
    ("param", "field", "resource"),
    [
        ("programme", "programmes", "programmes"),
        ("person", "people", "people"),
        ("organisation", "organisations", "organisations"),
    ],
)
class TestListEventsByLinkedRecord:
    def test_each_record_gives_the_events_linked_to_it(
        self, client: TestClient, param: str, field: str, resource: str
    ):
        nonempty = 0
        for record in curated(resource):
            want = expected(lambda e, s=record["slug"]: s in e[field])
            assert served(client, **{param: record["slug"]}) == want, record["slug"]
            nonempty += bool(want)
        assert nonempty >= 3

    def test_repeated_values_are_alternatives(
        self, client: TestClient, param: str, field: str, resource: str
    ):
        linked = [
            r["slug"] for r in curated(resource) if expected(lambda e, s=r["slug"]: s in e[field])
        ]
        pair = linked[:2]
        want = expected(lambda e: bool(set(pair) & set(e[field])))
        assert served(client, **{param: pair}) == want

    def test_unknown_slug_is_a_404_problem_naming_the_parameter(
        self, client: TestClient, param: str, field: str, resource: str
    ):
        problem = assert_problem(
            client.get(f"{EVENTS}?{param}=nobody-at-all"), 404, f"query.{param}"
        )
        assert "nobody-at-all" in problem["detail"]


class TestListEventsByPlace:
    @pytest.mark.parametrize("text", ["tokyo", "BRUSSELS", "Balk", "press club"])
    def test_place_is_a_substring_in_any_case(self, client: TestClient, text: str):
        want = expected(lambda e: text.lower() in (e["place"]["name"] or "").lower())
        assert want and served(client, place=text) == want

    @pytest.mark.parametrize("text", ["%", "_", "%%", "to_yo", "b%s"])
    def test_like_wildcards_in_place_are_plain_characters(self, client: TestClient, text: str):
        # No curated place holds `%` or `_`; as wildcards they would match every event.
        assert served(client, place=text) == expected(
            lambda e: text.lower() in (e["place"]["name"] or "").lower()
        )
        assert not served(client, place=text)

    def test_country_matches_in_any_case(self, client: TestClient):
        for country in ("japan", "BELGIUM", "Lithuania"):
            want = expected(lambda e, c=country: (e["place"]["country"] or "").lower() == c.lower())
            assert want and served(client, country=country) == want

    def test_filters_combine_with_and(self, client: TestClient):
        want = expected(
            lambda e: (
                e["kind"] == "signing"
                and "cyber-defence" in e["areas"]
                and e["place"]["country"] == "Belgium"
            )
        )
        assert want == served(client, kind="signing", area="cyber-defence", country="belgium")
        assert want < expected(lambda e: e["kind"] == "signing")


RANGES = [
    ("2013", "2013"),
    ("2013-04", "2013-04"),
    ("2013-04-15", "2013-04-15"),
    ("2013-04-16", "2013-06-24"),
    ("2012-07-31", None),
    (None, "2012-07-01"),
    ("2012-08", None),
    (None, "2012-06"),
    ("1996-12-31", "1997"),
    ("1997", "2008"),
    (None, "1993"),
    ("2014-05", "2014-05-05"),
    ("2020", "2021-06-30"),
]


class TestListEventsByDate:
    @pytest.mark.parametrize(("low", "high"), RANGES)
    def test_events_whose_span_overlaps_the_range_match(
        self, client: TestClient, low: str | None, high: str | None
    ):
        start = partial_span(low)[0] if low else None
        end = partial_span(high)[1] if high else None
        want = expected(lambda e: overlaps(record_span(e.get("date")), start, end))
        params = {k: v for k, v in (("from", low), ("to", high)) if v}
        assert served(client, **params) == want

    def test_a_month_precision_event_covers_its_whole_month(self, client: TestClient):
        slug = "tokyo-conference-afghanistan-2012"
        assert by_slug("events")[slug]["date"] == "2012-07"
        inside = [
            {"to": "2012-07-01"},
            {"from": "2012-07-31"},
            {"from": "2012-07-31", "to": "2012-08"},
        ]
        for params in inside:
            assert slug in served(client, **params), params
        outside = [{"to": "2012-06-30"}, {"from": "2012-08-01"}, {"from": "2012-08"}]
        for params in outside:
            assert slug not in served(client, **params), params

    def test_an_approximate_span_matches_up_to_its_edges(self, client: TestClient):
        slug = "nato-peace-support-operations-balkans"
        span = by_slug("events")[slug]["date"]
        assert span["approximate"] and (span["start"], span["end"]) == ("1994", "1996")
        assert slug in served(client, **{"from": "1996-12-31"})
        assert slug in served(client, to="1994-01-01")
        assert slug in served(client, **{"from": "1995-06", "to": "1995-06"})
        assert slug not in served(client, **{"from": "1997"})
        assert slug not in served(client, to="1993-12-31")

    def test_the_longest_span_still_matches_a_range_from_its_last_day(self, client: TestClient):
        # The range's start bounds the events' starts from below by the longest span; this
        # event is the longest (1990-1999), so it sits exactly on that bound.
        slug = "japan-role-in-balkans-stabilisation-1990s"
        span = by_slug("events")[slug]["date"]
        assert (span["start"], span["end"]) == ("1990", "1999")
        assert slug in served(client, **{"from": "1999-12-31"})
        area = "stabilisation-and-reconstruction"
        assert slug in served(client, **{"from": "1999-12-31", "area": area})
        assert slug not in served(client, **{"from": "2000-01-01"})

    def test_undated_events_never_match_a_range(self, client: TestClient):
        undated = expected(lambda e: e.get("date") is None)
        assert undated
        assert not undated & served(client, **{"from": "0001", "to": "9999"})

    def test_partial_dates_of_every_precision_are_accepted(self, client: TestClient):
        year = served(client, **{"from": "2013", "to": "2013"})
        month = served(client, **{"from": "2013-01", "to": "2013-12"})
        day = served(client, **{"from": "2013-01-01", "to": "2013-12-31"})
        assert year == month == day and year

    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ("from=2013-13", "query.from"),
            ("to=13-04", "query.to"),
            ("from=2014&to=2013", "query.to"),
        ],
    )
    def test_bad_dates_are_a_422_problem(self, client: TestClient, query: str, param: str):
        assert_problem(client.get(f"{EVENTS}?{query}"), 422, param)


class TestGetEvent:
    def test_detail_matches_the_curated_record(self, client: TestClient):
        for event in curated("events"):
            body = client.get(f"{EVENTS}/{event['slug']}").json()
            assert body["kind"] == event["kind"]
            assert {a["slug"] for a in body["areas"]} == set(event["areas"])
            assert {p["slug"] for p in body["people"]} == set(event["people"])
            span = record_span(event.get("date"))
            if span is None:
                assert body["date"] is None
            else:
                assert date.fromisoformat(body["date"]["earliest"]) == span[0]
                assert date.fromisoformat(body["date"]["latest"]) == span[1]
