"""GET /v1/areas: the taxonomy, its `parent` filter and each area's record counts."""

import pytest
from fastapi.testclient import TestClient

from tests.support import area_and_descendants, assert_problem, curated, slugs, walk

AREAS = "/v1/areas"


def count(client: TestClient, resource: str, area: str) -> int:
    body = client.get(f"/v1/{resource}?area={area}&count=true&limit=1").json()
    return int(body["meta"]["count"])


class TestListAreas:
    def test_parent_gives_the_direct_sub_areas(self, client: TestClient):
        parents = {a["parent"] for a in curated("areas") if a["parent"]}
        assert len(parents) >= 3
        for parent in parents:
            want = {a["slug"] for a in curated("areas") if a["parent"] == parent}
            assert set(slugs(client, AREAS, parent=parent)) == want

    def test_parent_does_not_reach_grandchildren(self, client: TestClient):
        for area in curated("areas"):
            direct = set(slugs(client, AREAS, parent=area["slug"]))
            assert direct <= area_and_descendants(area["slug"]) - {area["slug"]}

    def test_an_area_without_sub_areas_has_none(self, client: TestClient):
        assert slugs(client, AREAS, parent="cyber-defence") == []

    def test_unknown_parent_is_a_404_problem_naming_parent(self, client: TestClient):
        assert_problem(client.get(f"{AREAS}?parent=atlantis"), 404, "query.parent")

    def test_every_area_lists_its_curated_aliases(self, client: TestClient):
        served = {a["slug"]: a for a in walk(client, f"{AREAS}?limit=200")}
        for area in curated("areas"):
            assert served[area["slug"]]["aliases"] == area["aliases"]


@pytest.mark.parametrize("resource", ["events", "programmes", "quotes"])
class TestAreaCounts:
    def test_each_count_equals_the_records_the_area_filter_returns(
        self, client: TestClient, resource: str
    ):
        served = walk(client, f"{AREAS}?limit=200")
        assert len(served) == len(curated("areas"))
        for area in served:
            listed = slugs(client, f"/v1/{resource}", area=area["slug"])
            assert area["counts"][resource] == len(listed) == count(client, resource, area["slug"])

    def test_each_count_follows_the_curated_links_of_the_area_and_its_sub_areas(
        self, client: TestClient, resource: str
    ):
        nonzero = 0
        for area in curated("areas"):
            family = area_and_descendants(area["slug"])
            want = sum(1 for r in curated(resource) if family & set(r["areas"]))
            body = client.get(f"{AREAS}/{area['slug']}").json()
            assert body["counts"][resource] == want, area["slug"]
            nonzero += bool(want)
        assert nonzero >= 3
