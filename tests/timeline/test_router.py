"""GET /v1/timeline: events and programme milestones, in date order, grouped by year."""

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support import (
    area_and_descendants,
    assert_problem,
    curated,
    curated_date,
    overlaps,
    partial_span,
    record_span,
    url,
)

TIMELINE = "/v1/timeline"
Item = tuple[str, str]  # (type, slug)


def pages(client: TestClient, start: str) -> list[dict[str, Any]]:
    """Every page of the timeline, following `links.next`."""
    bodies, next_url, seen = [], start, set()
    while next_url:
        assert next_url not in seen, "the cursor repeats"
        seen.add(next_url)
        response = client.get(next_url)
        assert response.status_code == 200, response.text
        body = response.json()
        bodies.append(body)
        next_url = body["links"]["next"]
        if next_url:
            assert response.headers["link"] == f'<{next_url}>; rel="next"'
            assert body["meta"]["returned"] == body["meta"]["limit"]
    return bodies


def items(bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for body in bodies for year in body["data"] for item in year["items"]]


def milestones(programme: dict[str, Any]) -> list[tuple[Item, tuple[date, date]]]:
    """A curated programme's start and (if it has one) end, each as its own span."""
    spec = curated_date(programme.get("in_force"))
    if spec is None:
        return []
    found = [(("programme_start", programme["slug"]), partial_span(spec["start"]))]
    if spec.get("end") and not spec.get("open_ended"):
        found.append((("programme_end", programme["slug"]), partial_span(spec["end"])))
    return found


def expected(
    low: date | None = None, high: date | None = None, areas: set[str] | None = None
) -> set[Item]:
    """The timeline's items for a range and an area filter, from the curated files."""
    want = {
        ("event", e["slug"])
        for e in curated("events")
        if e.get("date") is not None
        and (areas is None or areas & set(e["areas"]))
        and overlaps(record_span(e["date"]), low, high)
    }
    for programme in curated("programmes"):
        if areas is not None and not areas & set(programme["areas"]):
            continue
        for item, span in milestones(programme):
            if overlaps(span, low, high):
                want.add(item)
    return want


class TestTimeline:
    def test_walking_the_pages_visits_every_dated_item_once(self, client: TestClient):
        walked = [(i["type"], i["slug"]) for i in items(pages(client, f"{TIMELINE}?limit=4"))]
        assert len(walked) == len(set(walked))
        assert set(walked) == expected()
        assert {t for t, _ in walked} == {"event", "programme_start", "programme_end"}

    @pytest.mark.parametrize("limit", [1, 3, 7, 200])
    def test_items_are_in_date_order_and_grouped_by_ascending_year(
        self, client: TestClient, limit: int
    ):
        bodies = pages(client, f"{TIMELINE}?limit={limit}")
        every = []
        for body in bodies:
            years = [y["year"] for y in body["data"]]
            assert years == sorted(years) and len(years) == len(set(years))
            for year in body["data"]:
                assert year["items"]
                for item in year["items"]:
                    assert date.fromisoformat(item["date"]["earliest"]).year == year["year"]
                    every.append(item)
        days = [item["date"]["earliest"] for item in every]
        assert days == sorted(days)
        assert len(every) == len(expected())

    def test_every_page_holds_the_same_items_as_one_long_page(self, client: TestClient):
        short = [(i["type"], i["slug"]) for i in items(pages(client, f"{TIMELINE}?limit=5"))]
        long = [(i["type"], i["slug"]) for i in items(pages(client, f"{TIMELINE}?limit=200"))]
        assert short == long

    def test_milestones_carry_the_programme_dates(self, client: TestClient):
        walked = items(pages(client, f"{TIMELINE}?limit=200"))
        spans = {item: span for p in curated("programmes") for item, span in milestones(p)}
        checked = 0
        for item in walked:
            key = (item["type"], item["slug"])
            if key in spans:
                first, last = spans[key]
                assert date.fromisoformat(item["date"]["earliest"]) == first
                assert date.fromisoformat(item["date"]["latest"]) == last
                assert item["url"] == f"/v1/programmes/{item['slug']}"
                checked += 1
        assert checked == len(spans) >= 5


class TestTimelineFilters:
    def test_a_query_is_capped_at_500_characters_as_on_every_route(self, client: TestClient):
        for route in (TIMELINE, "/v1/search", "/v1/events"):
            assert client.get(url(route, q="a" * 500)).status_code == 200
            assert_problem(client.get(url(route, q="a" * 501)), 422, "query.q")

    @pytest.mark.parametrize(
        "area", ["cyber-defence", "emerging-security-challenges", "arms-control"]
    )
    def test_area_keeps_the_events_and_milestones_of_the_area_and_its_sub_areas(
        self, client: TestClient, area: str
    ):
        walked = items(pages(client, url(TIMELINE, area=area, limit=5)))
        assert {(i["type"], i["slug"]) for i in walked} == expected(
            areas=area_and_descendants(area)
        )

    @pytest.mark.parametrize(
        ("low", "high"),
        [("2014", "2020"), ("2013-04", "2013-06"), ("2023-07-12", None), (None, "1995")],
    )
    def test_from_and_to_keep_the_items_that_overlap_the_range(
        self, client: TestClient, low: str | None, high: str | None
    ):
        params = {k: v for k, v in (("from", low), ("to", high)) if v}
        walked = items(pages(client, url(TIMELINE, limit=3, **params)))
        start = partial_span(low)[0] if low else None
        end = partial_span(high)[1] if high else None
        want = expected(start, end)
        assert want and {(i["type"], i["slug"]) for i in walked} == want

    def test_a_programme_ending_in_the_range_is_there_without_its_start(self, client: TestClient):
        found = {
            (i["type"], i["slug"]) for i in items(pages(client, f"{TIMELINE}?from=2023&to=2023"))
        }
        ipcp_2020 = "individual-partnership-and-cooperation-programme-2020"
        assert ("programme_end", ipcp_2020) in found
        assert ("programme_start", ipcp_2020) not in found

    def test_unknown_area_is_a_404_problem(self, client: TestClient):
        assert_problem(client.get(f"{TIMELINE}?area=atlantis"), 404, "query.area")

    def test_a_limit_above_the_maximum_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get(f"{TIMELINE}?limit=201"), 422, "query.limit")
