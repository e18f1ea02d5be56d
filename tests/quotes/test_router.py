"""GET /v1/quotes: speaker, organisation, area, event, source, dates and mode."""

import pytest
from fastapi.testclient import TestClient

from tests.support import (
    area_and_descendants,
    assert_problem,
    curated,
    overlaps,
    partial_span,
    record_span,
    slugs,
)

QUOTES = "/v1/quotes"


def expected(predicate) -> set[str]:  # type: ignore[no-untyped-def]
    return {q["slug"] for q in curated("quotes") if predicate(q)}


def served(client: TestClient, **params: object) -> set[str]:
    found = slugs(client, QUOTES, **params)
    assert len(found) == len(set(found))
    return set(found)


# Quote field → query parameter, for the filters that name one linked record.
LINKS = [
    ("speaker", "speaker"),
    ("speaker_organisation", "organisation"),
    ("event", "event"),
    ("source", "source"),
]


class TestListQuotes:
    @pytest.mark.parametrize(("field", "param"), LINKS)
    def test_each_linked_record_gives_exactly_its_quotes(
        self, client: TestClient, field: str, param: str
    ):
        values = sorted({q[field] for q in curated("quotes") if q[field]})
        assert len(values) >= 2
        for value in values:
            want = expected(lambda q, v=value: q[field] == v)
            assert served(client, **{param: value}) == want, value

    @pytest.mark.parametrize(("field", "param"), LINKS[:3])
    def test_repeated_values_are_alternatives(self, client: TestClient, field: str, param: str):
        pair = sorted({q[field] for q in curated("quotes") if q[field]})[:2]
        want = expected(lambda q: q[field] in pair)
        assert served(client, **{param: pair}) == want

    @pytest.mark.parametrize("param", ["speaker", "organisation", "event", "source", "area"])
    def test_unknown_slug_is_a_404_problem_naming_the_parameter(
        self, client: TestClient, param: str
    ):
        response = client.get(f"{QUOTES}?{param}=no-such-slug")
        assert "no-such-slug" in assert_problem(response, 404, f"query.{param}")["detail"]

    def test_area_matches_the_area_and_its_sub_areas(self, client: TestClient):
        for area in curated("areas"):
            family = area_and_descendants(area["slug"])
            want = expected(lambda q, f=family: bool(f & set(q["areas"])))
            assert served(client, area=area["slug"]) == want, area["slug"]
        # Quotes on cyber defence alone still count for the emerging security challenges.
        parent = "emerging-security-challenges"
        only_child = expected(lambda q: "cyber-defence" in q["areas"] and parent not in q["areas"])
        assert only_child and only_child <= served(client, area=parent)

    @pytest.mark.parametrize("mode", ["direct", "reported"])
    def test_mode_gives_direct_or_reported_speech(self, client: TestClient, mode: str):
        want = expected(lambda q: q["mode"] == mode)
        assert want and served(client, mode=mode) == want

    def test_unknown_mode_is_a_422_problem_naming_mode(self, client: TestClient):
        assert_problem(client.get(f"{QUOTES}?mode=whispered"), 422, "query.mode")

    @pytest.mark.parametrize(
        ("low", "high"),
        [
            ("2013-04-15", "2013-04-15"),
            ("2013-06", "2013-06"),
            ("2013-06-29", "2013-06-29"),
            ("2022", "2022"),
            ("2023-07-13", None),
            (None, "2014"),
        ],
    )
    def test_from_and_to_give_quotes_whose_span_overlaps(
        self, client: TestClient, low: str | None, high: str | None
    ):
        start = partial_span(low)[0] if low else None
        end = partial_span(high)[1] if high else None
        want = expected(lambda q: overlaps(record_span(q.get("date")), start, end))
        params = {k: v for k, v in (("from", low), ("to", high)) if v}
        assert served(client, **params) == want

    def test_filters_combine_with_and(self, client: TestClient):
        want = expected(
            lambda q: (
                q["speaker"] == "anders-fogh-rasmussen"
                and "political-dialogue" in q["areas"]
                and q["source"] == "blog-2014-05-07-ipcp-signing"
            )
        )
        found = served(
            client,
            speaker="anders-fogh-rasmussen",
            area="political-dialogue",
            source="blog-2014-05-07-ipcp-signing",
        )
        assert want and found == want
        assert want < expected(lambda q: q["speaker"] == "anders-fogh-rasmussen")
