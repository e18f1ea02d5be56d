"""Lists: keyset pages in any order (`Resource.order`, `after`, `read_page`), counts and
facets, and the filters every list is built from (`resolve_slugs`, `with_descendants`,
`linked_to`, `overlaps`, `source=`, `q=`)."""

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session

import app.query.lists as lists
from app.areas.models import CooperationArea
from app.core.dates import FAR_FUTURE, DateRange
from app.core.errors import InvalidParameter
from app.core.models import Resource
from app.core.orders import Order
from app.events.models import Event, EventArea, EventPerson
from app.events.service import RESOURCE as EVENTS
from app.programmes.models import Programme
from app.query.lists import (
    after,
    linked_to,
    ordered,
    overlaps,
    read_page,
    resolve_slugs,
    with_descendants,
)
from app.rendering import RENDERED
from app.search.service import matching_record_ids
from tests.support import (
    CITED,
    FILES,
    area_and_descendants,
    assert_problem,
    cited_by,
    curated,
    partial_span,
    record_span,
    slugs,
    url,
    walk,
)
from tests.support import overlaps as curated_overlap

RESOURCES = [resource for resource, _ in RENDERED]
Served = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def served(client: TestClient) -> Served:
    """`walk`, each address walked once per back-end: the data is only read."""
    return cache(lambda start: walk(client, start))


def listed(served: Served, resource: str, **params: Any) -> list[str]:
    """The slugs a list serves for these parameters, in order (`slugs`, memoised)."""
    return [r["slug"] for r in served(url(f"/v1/{resource}", limit=200, **params))]


# --- Page size and links ---------------------------------------------------------------

BUSIEST_SOURCE = max(
    curated("sources"),
    key=lambda s: sum(
        c["source"] == s["slug"]
        for resource in ("events", "areas", "organisations")
        for r in curated(resource)
        for c in r["citations"]
    ),
)["slug"]


class TestPageSize:
    def test_the_default_page_holds_50(self, client: TestClient):
        body = client.get(f"/v1/sources/{BUSIEST_SOURCE}/citations").json()
        assert body["meta"]["limit"] == 50
        assert body["meta"]["returned"] == len(body["data"]) == 50
        assert body["meta"]["next_cursor"]
        events = client.get("/v1/events").json()
        assert events["meta"]["limit"] == 50
        assert events["meta"]["returned"] == min(50, len(curated("events")))

    def test_a_page_holds_exactly_limit_records_until_the_last(self, client: TestClient):
        for limit in (1, 7, 48):
            assert len(client.get(f"/v1/events?limit={limit}").json()["data"]) == limit


class TestPageLinks:
    def test_the_cursor_meta_links_and_link_header_agree(self, client: TestClient):
        response = client.get("/v1/events?limit=5&kind=signing&kind=summit")
        body = response.json()
        cursor = body["meta"]["next_cursor"]
        assert cursor
        base = "http://testserver/v1/events?limit=5&kind=signing&kind=summit"
        assert body["links"] == {"self": base, "next": f"{base}&cursor={cursor}"}
        assert response.headers["link"] == f'<{body["links"]["next"]}>; rel="next"'

    def test_the_last_page_has_no_next(self, client: TestClient):
        response = client.get("/v1/events?limit=200")
        body = response.json()
        assert body["meta"]["next_cursor"] is None and body["links"]["next"] is None
        assert "link" not in response.headers


# --- Keyset walks through the API ------------------------------------------------------


def date_key(record: dict[str, Any]) -> str | None:
    return record["date"]["earliest"] if record["date"] else None


def assert_dates(records: list[dict[str, Any]], *, descending: bool) -> None:
    """Dated records in order, undated ones after them, whichever the direction."""
    days = [date_key(r) for r in records]
    dated = [d for d in days if d is not None]
    assert days[: len(dated)] == dated, "an undated record came before a dated one"
    assert dated == sorted(dated, reverse=descending)


def assert_ties_by_slug(records: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]):
    """Records equal on `key` come in ascending slug order, whatever the direction."""
    groups: dict[Any, list[str]] = {}
    for record in records:
        groups.setdefault(json.dumps(key(record), sort_keys=True), []).append(record["slug"])
    for group in groups.values():
        assert group == sorted(group)


EVENT_SORTS = ["-date,title", "title", "kind,-date", "date", "-date", "-end", "-kind"]


class TestKeysetWalkOnEvents:
    @pytest.mark.parametrize("sort", EVENT_SORTS)
    def test_walking_links_next_visits_every_event_once_in_the_order_of_one_long_page(
        self, client: TestClient, served: Served, sort: str
    ):
        order = [e["slug"] for e in served(url("/v1/events", sort=sort, limit=12))]
        assert len(order) == len(set(order))
        assert set(order) == {e["slug"] for e in curated("events")}
        one_page = client.get(url("/v1/events", sort=sort, limit=200)).json()["data"]
        assert order == [e["slug"] for e in one_page]

    @pytest.mark.parametrize("sort", ["date", "-date", "-date,title"])
    def test_dates_run_in_order_with_the_undated_events_last_either_way(
        self, served: Served, sort: str
    ):
        walked = served(url("/v1/events", sort=sort, limit=12))
        undated = [e for e in walked if e["date"] is None]
        assert undated and walked[-len(undated) :] == undated
        assert_dates(walked, descending=sort.startswith("-"))

    def test_the_end_sorts_by_the_last_day(self, served: Served):
        walked = served(url("/v1/events", sort="-end", limit=12))
        ends = [e["date"]["latest"] for e in walked if e["date"]]
        assert ends == sorted(ends, reverse=True)

    def test_a_descending_text_field_runs_backwards(self, served: Served):
        kinds = [e["kind"] for e in served(url("/v1/events", sort="-kind", limit=12))]
        assert kinds == sorted(kinds, reverse=True)

    def test_mixed_directions_order_each_field_its_own_way(self, served: Served):
        walked = served(url("/v1/events", sort="kind,-date", limit=12))
        kinds = [e["kind"] for e in walked]
        assert kinds == sorted(kinds)
        for kind in set(kinds):
            assert_dates([e for e in walked if e["kind"] == kind], descending=True)

    @pytest.mark.parametrize(
        ("sort", "key"),
        [("-kind", lambda e: e["kind"]), ("date", date_key), ("-date", date_key)],
    )
    def test_ties_are_broken_by_the_slug_ascending(
        self, served: Served, sort: str, key: Callable[[dict[str, Any]], Any]
    ):
        walked = served(url("/v1/events", sort=sort, limit=12))
        assert len({json.dumps(key(e)) for e in walked}) < len(walked)  # there are ties
        assert_ties_by_slug(walked, key)


LIST_SORTS = [
    ("programmes", "-date"),
    ("quotes", "-date,position"),
    ("quotes", "position"),
    ("areas", "-name"),
    ("organisations", "kind,-name"),
    ("people", "-slug"),
    ("sources", "title"),
]


class TestKeysetWalkOnEveryList:
    @pytest.mark.parametrize(("resource", "sort"), LIST_SORTS)
    def test_walking_visits_each_record_once_in_the_order_of_one_long_page(
        self, client: TestClient, resource: str, sort: str
    ):
        walked = [r["slug"] for r in walk(client, url(f"/v1/{resource}", sort=sort, limit=8))]
        assert len(walked) == len(set(walked))
        assert set(walked) == {r["slug"] for r in curated(resource)}
        one_page = client.get(url(f"/v1/{resource}", sort=sort, limit=200)).json()["data"]
        assert walked == [r["slug"] for r in one_page]

    def test_a_sources_citations_walk_in_text_order(self, client: TestClient):
        walked = walk(client, f"/v1/sources/{BUSIEST_SOURCE}/citations?limit=20")
        starts = [(c["start"], c["end"]) for c in walked]
        assert len(walked) > 50 and [s for s, _ in starts] == sorted(s for s, _ in starts)


# --- Orders, `after` and `read_page` as functions --------------------------------------


class TestOrder:
    def test_no_sort_is_the_default_order(self):
        assert EVENTS.order(None) == EVENTS.order("date")
        assert EVENTS.order(None).signature == "date"

    def test_a_field_sorted_by_already_adds_nothing(self):
        assert EVENTS.order("date,-date") == EVENTS.order("date")
        assert EVENTS.order("-date,title,date,-title").signature == "-date,title"

    def test_the_slug_breaks_ties_ascending_unless_it_is_sorted_on(self):
        keys = EVENTS.order("-date,title").keys
        assert [k.descending for k in keys] == [True, False, False]
        assert len(EVENTS.order("-kind,slug").keys) == 2
        assert [k.descending for k in EVENTS.order("-kind,-slug").keys] == [True, True]

    def test_date_keys_are_marked_as_dates(self):
        assert [k.is_date for k in EVENTS.order("kind,-end").keys] == [False, True, False]

    @pytest.mark.parametrize(
        ("sort", "message"),
        [
            ("colour", "cannot sort by 'colour'"),
            ("", "cannot sort by ''"),
            ("date,", "cannot sort by ''"),
            # The items are names exactly as the document lists them: no padding.
            ("-date, title", "cannot sort by ' title'"),
            (" date", "cannot sort by ' date'"),
        ],
    )
    def test_an_invalid_order_is_refused_every_time(self, sort: str, message: str):
        for _ in range(2):
            with pytest.raises(InvalidParameter, match=message) as refused:
                EVENTS.order(sort)
            assert [p.name for p in refused.value.params] == ["query.sort"]

    def test_the_refusal_names_the_fields_one_may_sort_by(self):
        with pytest.raises(InvalidParameter, match="use date, end, title, kind, slug"):
            EVENTS.order("-colour")


def full_order(session: Session, order: Order) -> list[tuple[Any, ...]]:
    """Every event as (slug, *sort values), in `order`."""
    return [tuple(row) for row in session.execute(ordered(select(Event.slug), order, None))]


AFTER_SORTS = [
    "kind",
    "-kind",
    "kind,-slug",
    "-kind,slug",
    "date",
    "-date",
    "-end,title",
    "kind,-date",
]


class TestAfter:
    @pytest.mark.parametrize("sort", AFTER_SORTS)
    def test_it_keeps_exactly_the_rows_after_the_given_values(self, session: Session, sort: str):
        order = EVENTS.order(sort)
        rows = full_order(session, order)
        for i in (0, 1, len(rows) // 3, len(rows) // 2, len(rows) - 2, len(rows) - 1):
            query = (
                select(Event.slug)
                .where(after(order.keys, list(rows[i][1:])))
                .order_by(*[k.ordering() for k in order.keys])
            )
            assert list(session.execute(query).scalars()) == [r[0] for r in rows[i + 1 :]], i

    def test_values_between_rows_keep_the_rows_beyond_them(self, session: Session):
        order = EVENTS.order("title")
        titles = [r[1] for r in full_order(session, order)]
        query = select(Event.title).where(after(order.keys, [titles[4], ""]))
        first = titles.index(titles[4])  # every row titled so is after the empty slug
        assert sorted(session.execute(query).scalars()) == sorted(titles[first:])


def orders(resource: Resource) -> list[str | None]:
    """The default order, every sort field descending (the walks through the API sort
    ascending too), and one order of mixed directions."""
    names = list(resource.sorts)
    return [None, *[f"-{name}" for name in names], f"-{names[0]},{names[1]}"]


CASES = [(resource, sort) for resource in RESOURCES for sort in orders(resource)]
SIZE = 10


class TestReadPage:
    @pytest.mark.parametrize(
        ("resource", "sort"), CASES, ids=[f"{r.plural}:{s or 'default'}" for r, s in CASES]
    )
    def test_pages_walked_by_their_last_values_are_the_whole_list_in_order(
        self, session: Session, resource: Resource, sort: str | None
    ):
        order = resource.order(sort)
        query = select(resource.table.slug)
        pages: list[list[str]] = []
        start: list[Any] | None = None
        while True:
            found = read_page(session, query, order, limit=SIZE, start_after=start)
            pages.append(found.records)
            if found.next_after is None:
                break
            assert len(found.next_after) == len(order.keys)
            start = found.next_after
            assert len(pages) < 100, "the cursor does not advance"
        everything = read_page(session, query, order, limit=1000, start_after=None)
        assert everything.next_after is None
        assert [s for page in pages for s in page] == everything.records
        total = len(curated(resource.plural))
        assert len(everything.records) == total
        assert [len(page) for page in pages[:-1]] == [SIZE] * (len(pages) - 1)
        assert 1 <= len(pages[-1]) <= SIZE and len(pages) == -(-total // SIZE)

    def test_a_page_exactly_as_long_as_what_is_left_is_the_last(self, session: Session):
        total = len(curated("events"))
        order = EVENTS.order(None)
        found = read_page(session, select(Event.document), order, limit=total, start_after=None)
        assert len(found.records) == total and found.next_after is None
        found = read_page(session, select(Event.document), order, limit=total - 1, start_after=None)
        assert len(found.records) == total - 1 and found.next_after is not None


# --- Counts and facets -----------------------------------------------------------------


@pytest.mark.parametrize("resource", FILES)
class TestCount:
    def test_count_true_adds_the_exact_total(
        self, client: TestClient, served: Served, resource: str
    ):
        body = client.get(f"/v1/{resource}?limit=2&count=true").json()
        total = len(served(f"/v1/{resource}?limit=200"))
        assert body["meta"]["count"] == len(curated(resource)) == total

    def test_count_is_absent_by_default(self, client: TestClient, resource: str):
        assert "count" not in client.get(f"/v1/{resource}?limit=2").json()["meta"]

    def test_count_follows_the_filter(self, client: TestClient, served: Served, resource: str):
        matching = served(url(f"/v1/{resource}", limit=200, q="Japan"))
        body = client.get(url(f"/v1/{resource}", q="Japan", limit=1, count=True)).json()
        assert body["meta"]["count"] == len(matching)


def as_counter(facet: list[dict[str, Any]]) -> Counter[Any]:
    return Counter({entry["value"]: entry["count"] for entry in facet})


EVENT_FILTERS = [
    {},
    {"kind": ["signing", "summit"]},
    {"area": "emerging-security-challenges"},
    {"from": "2013", "to": "2014"},
    {"q": "Japan", "country": "japan"},
]


@pytest.mark.parametrize("params", EVENT_FILTERS)
class TestEventFacets:
    def test_kind_year_and_area_count_the_matching_events(
        self, client: TestClient, served: Served, params: dict[str, Any]
    ):
        matching = served(url("/v1/events", limit=200, **params))
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
FACETS: dict[tuple[str, str], Callable[[dict[str, Any]], list[Any]]] = {
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
    def test_every_facet_of_every_list_is_covered(self):
        offered = {(r.plural, name) for r in RESOURCES for name in r.facets}
        assert offered == set(FACETS)

    @pytest.mark.parametrize("resource", FILTER_BY_RESOURCE)
    def test_each_facet_counts_the_values_of_the_records_the_filter_matches(
        self, client: TestClient, served: Served, resource: str
    ):
        params = FILTER_BY_RESOURCE[resource]
        matching = served(url(f"/v1/{resource}", limit=200, **params))
        names = [name for listed, name in FACETS if listed == resource]
        response = client.get(url(f"/v1/{resource}", limit=1, facets=",".join(names), **params))
        assert response.status_code == 200, response.text
        facets = response.json()["meta"]["facets"]
        assert list(facets) == names
        for name in names:
            want = Counter(v for record in matching for v in FACETS[resource, name](record))
            assert want and as_counter(facets[name]) == want, name

    def test_facets_are_absent_unless_asked_for(self, client: TestClient):
        assert "facets" not in client.get("/v1/events").json()["meta"]


# --- Filters: slugs, trees, links, dates -----------------------------------------------


def area_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(CooperationArea.slug, CooperationArea.id)).all())


class TestResolveSlugs:
    def test_it_gives_the_ids_in_the_order_asked(self, session: Session):
        ids = area_ids(session)
        asked = ["cyber-defence", "political-dialogue", "counter-piracy"]
        assert resolve_slugs(session, CooperationArea, asked, "area") == [ids[s] for s in asked]

    def test_nothing_asked_is_nothing(self, session: Session):
        assert resolve_slugs(session, CooperationArea, [], "area") == []

    def test_an_unknown_slug_is_refused_naming_each_one_and_the_parameter(self, session: Session):
        with pytest.raises(InvalidParameter) as refused:
            resolve_slugs(session, CooperationArea, ["nope", "cyber-defence", "none"], "area")
        [param] = refused.value.params
        assert param.name == "query.area"
        assert "nope" in param.reason and "none" in param.reason
        assert "cyber-defence" not in param.reason

    # Each slug filter of each list: an unknown slug is a 422 naming the parameter.
    SLUG_FILTERS = [
        ("events", "area"),
        ("events", "programme"),
        ("events", "person"),
        ("events", "organisation"),
        ("programmes", "area"),
        ("quotes", "speaker"),
        ("quotes", "organisation"),
        ("quotes", "area"),
        ("quotes", "event"),
        ("people", "organisation"),
        ("areas", "parent"),
        ("organisations", "parent"),
        *[(resource, "source") for resource in FILES],
    ]

    @pytest.mark.parametrize(("resource", "param"), SLUG_FILTERS)
    def test_an_unknown_slug_in_a_filter_is_a_404_problem_naming_it(
        self, client: TestClient, resource: str, param: str
    ):
        response = client.get(url(f"/v1/{resource}", **{param: "no-such-record"}))
        problem = assert_problem(response, 404, f"query.{param}")
        assert "no-such-record" in problem["detail"]


class TestWithDescendants:
    def test_it_gives_each_area_and_every_area_beneath_it(self, session: Session):
        ids = area_ids(session)
        slug_of = {i: s for s, i in ids.items()}
        for area in curated("areas"):
            found = with_descendants(session, CooperationArea, [ids[area["slug"]]])
            assert {slug_of[i] for i in found} == area_and_descendants(area["slug"])

    def test_several_areas_give_the_union_of_their_trees(self, session: Session):
        ids = area_ids(session)
        slug_of = {i: s for s, i in ids.items()}
        tops = [a["slug"] for a in curated("areas") if a["parent"] is None][:2]
        found = with_descendants(session, CooperationArea, [ids[s] for s in tops])
        assert {slug_of[i] for i in found} == set().union(*map(area_and_descendants, tops))
        assert with_descendants(session, CooperationArea, []) == set()

    @pytest.mark.parametrize("resource", ["events", "programmes", "quotes"])
    def test_an_area_filter_matches_records_of_its_sub_areas(self, served: Served, resource: str):
        everything = served(f"/v1/{resource}?limit=200")
        parents = {a["parent"] for a in curated("areas") if a["parent"]}
        for area in sorted(parents):
            tree = area_and_descendants(area)
            want = [r["slug"] for r in everything if tree & {a["slug"] for a in r["areas"]}]
            assert listed(served, resource, area=area) == want, area


# Link filters answered by `linked_to`, and the list field naming each record's links.
LINK_FILTERS = [
    ("events", "area", "areas"),
    ("events", "programme", "programmes"),
    ("events", "person", "people"),
    ("events", "organisation", "organisations"),
    ("programmes", "area", "areas"),
    ("quotes", "area", "areas"),
]


def link_values(records: list[dict[str, Any]], field: str) -> list[Any]:
    """The most linked value of a link filter, and the least linked with the second most
    (repeated values of a filter are alternatives)."""
    counts = Counter(ref["slug"] for r in records for ref in r[field]).most_common()
    return [counts[0][0], [counts[-1][0], counts[1][0]]]


class TestLinkedTo:
    @pytest.mark.parametrize(("resource", "param", "field"), LINK_FILTERS)
    def test_both_plans_serve_exactly_the_linked_records_in_list_order(
        self,
        client: TestClient,
        served: Served,
        monkeypatch: pytest.MonkeyPatch,
        resource: str,
        param: str,
        field: str,
    ):
        everything = served(f"/v1/{resource}?limit=200")
        for value in link_values(everything, field):
            wanted = set(value) if isinstance(value, list) else {value}
            if param == "area":  # an area filter matches its sub-areas too
                wanted = set().union(*map(area_and_descendants, wanted))
            want = [r["slug"] for r in everything if wanted & {x["slug"] for x in r[field]}]
            assert want
            for common in (10**9, 0):  # no link is common (`IN`); every link is (`EXISTS`)
                monkeypatch.setattr(lists, "COMMON_LINKS", common)
                assert slugs(client, f"/v1/{resource}", **{param: value}) == want, (value, common)

    def test_the_plan_follows_how_common_the_links_are(
        self, session: Session, monkeypatch: pytest.MonkeyPatch
    ):
        people = [e.person_id for e in session.execute(select(EventPerson)).scalars()]
        ids = list(set(people))
        found = {}
        for limit, exists in ((0, True), (10**9, False)):
            monkeypatch.setattr(lists, "COMMON_LINKS", limit)
            query = linked_to(
                session, select(Event.slug), Event, EventPerson, "event_id", "person_id", ids
            )
            assert ("EXISTS" in str(query)) is exists
            found[exists] = sorted(session.execute(query).scalars())
        assert found[True] == found[False] and found[True]

    def test_the_plans_agree_on_the_rows_for_each_area(
        self, session: Session, monkeypatch: pytest.MonkeyPatch
    ):
        for area_id in area_ids(session).values():
            found = []
            for limit in (0, 10**9):
                monkeypatch.setattr(lists, "COMMON_LINKS", limit)
                query = linked_to(
                    session, select(Event.slug), Event, EventArea, "event_id", "area_id", [area_id]
                )
                found.append(sorted(session.execute(query).scalars()))
            assert found[0] == found[1]


# Ranges (`from`, `to`; partial dates, either may be open) against curated spans.
RANGES = [
    ("2013", None),
    (None, "2013"),
    ("2013-04", "2013-06"),
    ("2013-06-27", "2013-06-27"),
    ("1991-06", "1992"),
    ("2024", None),
    (None, "1989"),
]
DATED = {"events": "date", "programmes": "in_force", "quotes": "date"}


def bounds(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    return (
        partial_span(start)[0] if start else None,
        partial_span(end)[1] if end else None,
    )


def curated_in_range(resource: str, start: str | None, end: str | None) -> set[str]:
    low, high = bounds(start, end)
    return {
        r["slug"]
        for r in curated(resource)
        if curated_overlap(record_span(r.get(DATED[resource])), low, high)
    }


class TestOverlapsOverTheAPI:
    @pytest.mark.parametrize("resource", DATED)
    @pytest.mark.parametrize(("start", "end"), RANGES)
    def test_a_range_matches_the_records_whose_span_overlaps_it(
        self, served: Served, resource: str, start: str | None, end: str | None
    ):
        params = {k: v for k, v in (("from", start), ("to", end)) if v}
        assert set(listed(served, resource, **params)) == curated_in_range(resource, start, end)

    def test_the_ranges_cover_partial_open_ended_and_undated_records(self):
        programmes = [record_span(p["in_force"]) for p in curated("programmes")]
        assert any(span is None for span in programmes)
        assert any(span and span[1] is None for span in programmes)
        assert any(not curated_in_range(r, s, e) for r in DATED for s, e in RANGES)


def programme_spans(session: Session) -> dict[str, tuple[date, date | None] | None]:
    rows = session.execute(select(Programme.slug, Programme.start_date, Programme.end_date))
    return {slug: None if start is None else (start, end) for slug, start, end in rows}


class TestOverlaps:
    """`overlaps` on programmes (open-ended and undated ones among them), checked on
    their start, or on an order key with an earliest start."""

    ORDER_KEY = func.coalesce(Programme.start_date, FAR_FUTURE)

    def matching(self, session: Session, condition: Any) -> set[str]:
        return set(session.execute(select(Programme.slug).where(condition)).scalars())

    @pytest.mark.parametrize(("start", "end"), RANGES)
    def test_both_forms_match_the_spans_that_meet_the_range(
        self, session: Session, start: str | None, end: str | None
    ):
        span = DateRange(*bounds(start, end))
        want = {
            slug
            for slug, found in programme_spans(session).items()
            if curated_overlap(found, span.start, span.end)
        }
        by_start = self.matching(session, overlaps(Programme.start_date, Programme.end_date, span))
        by_key = self.matching(
            session,
            overlaps(Programme.start_date, Programme.end_date, span, order_key=self.ORDER_KEY),
        )
        bounded = self.matching(
            session,
            overlaps(
                Programme.start_date,
                Programme.end_date,
                span,
                order_key=self.ORDER_KEY,
                earliest=date(1900, 1, 1),
            ),
        )
        assert by_start == by_key == bounded == want

    def test_an_open_range_matches_every_dated_record_and_no_undated_one(self, session: Session):
        spans = programme_spans(session)
        dated = {slug for slug, span in spans.items() if span is not None}
        assert dated != set(spans)
        for order_key in (None, self.ORDER_KEY):
            condition = overlaps(
                Programme.start_date, Programme.end_date, DateRange(), order_key=order_key
            )
            assert self.matching(session, condition) == dated

    def test_an_open_ended_record_overlaps_every_range_after_its_start(self, session: Session):
        running = {slug for slug, span in programme_spans(session).items() if span and not span[1]}
        assert running
        far = DateRange(date(2999, 1, 1), date(2999, 12, 31))
        for order_key in (None, self.ORDER_KEY):
            condition = overlaps(Programme.start_date, Programme.end_date, far, order_key=order_key)
            assert self.matching(session, condition) == running

    def test_the_earliest_start_leaves_out_records_that_start_before_it(self, session: Session):
        spans = programme_spans(session)
        earliest = date(2014, 1, 1)
        condition = overlaps(
            Programme.start_date,
            Programme.end_date,
            DateRange(date(2014, 6, 1), None),
            order_key=self.ORDER_KEY,
            earliest=earliest,
        )
        found = self.matching(session, condition)
        assert found and all(spans[slug][0] >= earliest for slug in found)  # type: ignore[index]


# --- `source=` and `q=` on every list --------------------------------------------------

SOURCES = [s["slug"] for s in curated("sources")]


@pytest.mark.parametrize("resource", CITED)
class TestSourceFilterOnEveryList:
    def test_returns_exactly_the_records_that_cite_the_source(self, served: Served, resource: str):
        nonempty = 0
        for source in SOURCES:
            records = served(url(f"/v1/{resource}", limit=200, source=source))
            for record in records:
                assert source in {c["source"] for c in record["citations"]}
            found = [r["slug"] for r in records]
            assert len(found) == len(set(found))
            assert set(found) == cited_by(resource, source), source
            nonempty += bool(found)
        assert nonempty >= 2

    def test_every_served_record_citing_the_source_is_returned_in_list_order(
        self, served: Served, resource: str
    ):
        everything = served(f"/v1/{resource}?limit=200")
        for source in SOURCES:
            citing = [
                r["slug"] for r in everything if source in {c["source"] for c in r["citations"]}
            ]
            assert listed(served, resource, source=source) == citing

    def test_combines_with_the_other_filters(self, served: Served, resource: str):
        source = "nato-topic-relations-with-japan"
        cited = cited_by(resource, source)
        searched = set(listed(served, resource, q="Japan"))
        both = set(listed(served, resource, source=source, q="Japan"))
        assert both == cited & searched


class TestSourceFilterOnSources:
    def test_a_source_is_cited_by_itself_alone(self, served: Served):
        for source in SOURCES:
            assert listed(served, "sources", source=source) == [source]


def search_hits(client: TestClient, q: str, resource: str) -> set[str]:
    hits = walk(client, url("/v1/search", q=q, type=resource, limit=200))
    return {h["slug"] for h in hits}


def title_phrase(resource: str, record: dict[str, Any]) -> str:
    """A quoted phrase from what a record is titled by (a quote by its first words)."""
    if resource == "quotes":
        words = re.findall(r"[\w’'-]+", record["text"])[:10]
        return '"' + " ".join(words) + '"'
    return '"' + (record.get("title") or record["name"]).replace('"', "") + '"'


@pytest.mark.parametrize("resource", FILES)
class TestSearchFilterOnEveryList:
    @pytest.mark.parametrize("q", ["cyber defense", "piracy OR Japan -Afghanistan"])
    def test_gives_the_records_the_search_finds_for_that_type(
        self, client: TestClient, served: Served, resource: str, q: str
    ):
        found = listed(served, resource, q=q)
        assert len(found) == len(set(found))
        assert set(found) == search_hits(client, q, resource)

    def test_finds_every_record_by_the_words_of_its_title(self, session: Session, resource: str):
        # What the list's `q=` reads (`matching_record_ids`), asked directly: one query
        # a record instead of one request.
        kind = next(r for r in RESOURCES if r.plural == resource)
        ids = dict(session.execute(select(kind.table.slug, kind.table.id)).all())
        for record in curated(resource):
            phrase = title_phrase(resource, record)
            found = session.execute(matching_record_ids(session, kind.kind, phrase)).scalars()
            assert ids[record["slug"]] in set(found), phrase

    def test_a_word_in_no_record_finds_nothing(self, served: Served, resource: str):
        assert listed(served, resource, q="zeppelin") == []

    def test_an_empty_query_is_a_422_problem(self, client: TestClient, resource: str):
        assert_problem(client.get(f"/v1/{resource}?q="), 422, "query.q")
