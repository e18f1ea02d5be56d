"""GET /v1/programmes: kind, area, in_force_on and date ranges, against programmes.yaml."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

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

PROGRAMMES = "/v1/programmes"
IPCP_2020 = "individual-partnership-and-cooperation-programme-2020"
ITPP_2023 = "individually-tailored-partnership-programme-2023"
IPCP_2014 = "individual-partnership-and-cooperation-programme-2014"


def expected(predicate) -> set[str]:  # type: ignore[no-untyped-def]
    return {p["slug"] for p in curated("programmes") if predicate(p)}


def served(client: TestClient, **params: object) -> set[str]:
    found = slugs(client, PROGRAMMES, **params)
    assert len(found) == len(set(found))
    return set(found)


class TestListProgrammes:
    def test_kind_gives_the_programmes_of_that_kind_and_repeats_as_alternatives(
        self, client: TestClient
    ):
        for kind in ("partnership_programme", "trust_fund", "initiative"):
            want = expected(lambda p, k=kind: p["kind"] == k)
            assert want and served(client, kind=kind) == want
        both = expected(lambda p: p["kind"] in {"trust_fund", "initiative"})
        assert served(client, kind=["trust_fund", "initiative"]) == both

    def test_unknown_kind_is_a_422_problem_naming_kind(self, client: TestClient):
        assert_problem(client.get(f"{PROGRAMMES}?kind=treaty"), 422, "query.kind")

    def test_area_matches_the_area_and_its_sub_areas(self, client: TestClient):
        for area in curated("areas"):
            family = area_and_descendants(area["slug"])
            want = expected(lambda p, f=family: bool(f & set(p["areas"])))
            assert served(client, area=area["slug"]) == want, area["slug"]
        # nato-trust-funds is linked to arms-control only through stockpile-management.
        trust_funds = by_slug("programmes")["nato-trust-funds"]["areas"]
        assert "arms-control" not in trust_funds and "stockpile-management" in trust_funds
        assert "nato-trust-funds" in served(client, area="arms-control")

    def test_unknown_area_is_a_404_problem_naming_area(self, client: TestClient):
        assert_problem(client.get(f"{PROGRAMMES}?area=atlantis"), 404, "query.area")


class TestListProgrammesInForce:
    def test_on_the_first_day_of_2021_the_ipcp_2020_revision_was_in_force(self, client: TestClient):
        found = served(client, in_force_on="2021-01-01")
        assert IPCP_2020 in found
        assert ITPP_2023 not in found
        assert IPCP_2014 not in found  # it ended with 2020

    @pytest.mark.parametrize(
        "day", ["2013-04-14", "2013-04-15", "2020-12-31", "2023-07-12", "2030-06-01"]
    )
    def test_in_force_on_gives_the_programmes_whose_span_contains_the_day(
        self, client: TestClient, day: str
    ):
        on = date.fromisoformat(day)
        want = expected(lambda p: overlaps(record_span(p.get("in_force")), on, on))
        assert served(client, in_force_on=day) == want

    def test_open_ended_programmes_are_still_in_force(self, client: TestClient):
        open_ended = expected(lambda p: (p.get("in_force") or {}).get("open_ended", False))
        assert open_ended and open_ended <= served(client, in_force_on="2099-01-01")

    @pytest.mark.parametrize("partial", ["2021", "2020-12", "2014", "2014-05"])
    def test_in_force_on_a_month_or_a_year_is_the_range_of_its_days(
        self, client: TestClient, partial: str
    ):
        first, last = partial_span(partial)
        want = expected(lambda p: overlaps(record_span(p.get("in_force")), first, last))
        assert served(client, in_force_on=partial) == want
        assert want == served(client, **{"from": partial, "to": partial})

    @pytest.mark.parametrize("bad", ["0", "21", "2021-13", "2021-02-30", "yesterday", ""])
    def test_in_force_on_refuses_what_from_refuses_with_the_same_reason(
        self, client: TestClient, bad: str
    ):
        on = assert_problem(client.get(f"{PROGRAMMES}?in_force_on={bad}"), 422, "query.in_force_on")
        since = assert_problem(client.get(f"{PROGRAMMES}?from={bad}"), 422, "query.from")
        assert on["invalid-params"][0]["reason"] == since["invalid-params"][0]["reason"]

    @pytest.mark.parametrize(
        ("low", "high"),
        [("2013", "2013"), ("2020", None), (None, "2014-05-05"), ("2024", "2026"), ("2027", None)],
    )
    def test_from_and_to_give_programmes_in_force_at_any_time_in_the_range(
        self, client: TestClient, low: str | None, high: str | None
    ):
        start = partial_span(low)[0] if low else None
        end = partial_span(high)[1] if high else None
        want = expected(lambda p: overlaps(record_span(p.get("in_force")), start, end))
        params = {k: v for k, v in (("from", low), ("to", high)) if v}
        assert served(client, **params) == want


class TestGetProgramme:
    def test_in_force_span_follows_its_precision(self, client: TestClient):
        body = client.get(f"{PROGRAMMES}/{IPCP_2020}").json()
        assert body["in_force"]["start"] == "2020"
        assert body["in_force"]["earliest"] == "2020-01-01"
        # It ended when the ITPP came in, "July 2023" (004): the last day that month.
        assert body["in_force"]["end"] == "2023-07"
        assert body["in_force"]["latest"] == "2023-07-31"
        assert body["predecessor"]["slug"] == IPCP_2014
        assert [s["slug"] for s in body["successors"]] == [ITPP_2023]
