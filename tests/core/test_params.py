"""`list_params`: a list's query model made into `ListParams`, and whether the request is
`bounded` (a page of the default order and nothing else: cheap enough for the loop)."""

import asyncio
from dataclasses import dataclass
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from app.areas import service as areas
from app.areas.router import AreaQuery
from app.core.listing import ListSpec
from app.core.params import Format, ListParams, list_params
from app.events import service as events
from app.events.router import EventQuery
from app.organisations import service as organisations
from app.organisations.router import OrganisationQuery
from app.people import service as people
from app.people.router import PersonQuery
from app.programmes import service as programmes
from app.programmes.router import ProgrammeQuery
from app.quotes import service as quotes
from app.quotes.router import QuoteQuery
from app.sources import service as sources
from app.sources.router import CitationQuery, SourceQuery


@dataclass(frozen=True)
class Resource:
    spec: ListSpec
    filters: type[BaseModel]
    # A valid value for each of the resource's own filters, by query-string name.
    filter_values: dict[str, Any]

    def __str__(self) -> str:
        return self.spec.plural


RESOURCES = [
    Resource(
        events.SPEC,
        EventQuery,
        {
            "kind": ["summit"],
            "area": ["cyber-defence"],
            "programme": ["any-programme"],
            "person": ["any-person"],
            "organisation": ["nato"],
            "place": "Tokyo",
            "country": "japan",
            "from": "2013",
            "to": "2014-04",
        },
    ),
    Resource(
        programmes.SPEC,
        ProgrammeQuery,
        {
            "kind": ["declaration"],
            "area": ["cyber-defence"],
            "in_force_on": "2014-05-06",
            "from": "2013",
            "to": "2020",
        },
    ),
    Resource(areas.SPEC, AreaQuery, {"parent": "cyber-defence", "top_level": "true"}),
    Resource(
        quotes.SPEC,
        QuoteQuery,
        {
            "speaker": ["any-person"],
            "organisation": ["nato"],
            "area": ["cyber-defence"],
            "event": ["any-event"],
            "mode": "direct",
            "from": "2013",
            "to": "2013-12-31",
        },
    ),
    Resource(people.SPEC, PersonQuery, {"organisation": ["nato"], "country": "japan"}),
    Resource(
        organisations.SPEC,
        OrganisationQuery,
        {"kind": ["state"], "parent": "nato", "country": "japan"},
    ),
    Resource(sources.SPEC, SourceQuery, {"kind": ["nato_news"]}),
    Resource(sources.CITATIONS_SPEC, CitationQuery, {"type": ["event"]}),
]
SEARCHABLE = [r for r in RESOURCES if r.spec.searchable]


def params_for(resource: Resource, query: dict[str, Any]) -> ListParams[Any]:
    """What the resource's list dependency gives for this query (keys as in the URL)."""
    dependency = list_params(resource.spec, resource.filters)
    model = get_args(dependency.__annotations__["query"])[0]
    return asyncio.run(dependency(model.model_validate(query)))  # type: ignore[no-any-return]


def shape_values(spec: ListSpec) -> dict[str, str]:
    """`fields`, `include` (when the resource has any) and `format`, all valid."""
    values = {"fields": ",".join(list(spec.public_model.model_fields)[:2]), "format": "csv"}
    if spec.includes:
        values["include"] = ",".join(spec.includes)
    return values


class TestBoundedListParams:
    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    def test_a_bare_request_is_bounded(self, resource: Resource):
        params = params_for(resource, {})
        assert params.bounded is True
        assert (params.sort, params.page.limit, params.page.cursor) == (None, None, None)

    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    def test_paging_shaping_and_the_default_sort_keep_it_bounded(self, resource: Resource):
        spec = resource.spec
        query = {
            "limit": "7",
            "cursor": "opaque",
            "sort": spec.default_sort,
            **shape_values(spec),
        }
        params = params_for(resource, query)
        assert params.bounded is True
        assert params.page.limit == 7 and params.page.cursor == "opaque"
        assert params.sort == spec.default_sort and params.format is Format.csv
        assert params.fields and params.include == list(spec.includes)

    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    @pytest.mark.parametrize("name", ["limit", "cursor", "sort", "fields", "include", "format"])
    def test_each_paging_or_shaping_parameter_alone_keeps_it_bounded(
        self, resource: Resource, name: str
    ):
        spec = resource.spec
        values = {"limit": "1", "cursor": "c", "sort": spec.default_sort, **shape_values(spec)}
        if name not in values:  # a resource with nothing to include
            assert not spec.includes
            values[name] = ""
        assert params_for(resource, {name: values[name]}).bounded is True

    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    def test_the_default_order_spelt_otherwise_keeps_it_bounded(self, resource: Resource):
        default = resource.spec.default_sort
        for spelling in ("", f" {default} ", default.replace(",", ", ")):
            assert params_for(resource, {"sort": spelling}).bounded is True, spelling

    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    def test_another_order_makes_it_unbounded(self, resource: Resource):
        spec = resource.spec
        other = next(f"-{name}" for name in spec.sorts if f"-{name}" != spec.default_sort)
        assert params_for(resource, {"sort": other}).bounded is False

    def test_the_covered_filters_are_every_filter_of_each_resource(self):
        for resource in RESOURCES:
            names = {f.alias or n for n, f in resource.filters.model_fields.items()}
            assert set(resource.filter_values) == names, resource

    @pytest.mark.parametrize(
        ("resource", "name"),
        [(r, name) for r in RESOURCES for name in r.filter_values],
        ids=lambda value: str(value),
    )
    def test_any_filter_makes_it_unbounded(self, resource: Resource, name: str):
        params = params_for(resource, {"limit": "5", name: resource.filter_values[name]})
        assert params.bounded is False
        # The filter was read, so a bounded read would have ignored something asked.
        assert name in _given(params)

    @pytest.mark.parametrize("resource", SEARCHABLE, ids=str)
    @pytest.mark.parametrize(("name", "value"), [("q", "Japan"), ("source", "any-source")])
    def test_a_search_or_a_source_makes_it_unbounded(
        self, resource: Resource, name: str, value: str
    ):
        params = params_for(resource, {name: value})
        assert getattr(params, name) == value
        assert params.bounded is False

    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    def test_a_count_makes_it_unbounded(self, resource: Resource):
        params = params_for(resource, {"count": "true"})
        assert params.count is True
        assert params.bounded is False

    @pytest.mark.parametrize("resource", RESOURCES, ids=str)
    def test_facets_make_it_unbounded(self, resource: Resource):
        facets = ",".join(resource.spec.facets) or "kind"
        params = params_for(resource, {"facets": facets})
        assert params.facets == facets.split(",")
        assert params.bounded is False

    @pytest.mark.parametrize(
        ("resource", "sort"),
        [
            (r, sort)
            for r in RESOURCES
            for field in r.spec.sorts
            for sort in (field, f"-{field}")
            if sort != r.spec.default_sort
        ],
        ids=lambda value: str(value),
    )
    def test_any_other_sort_makes_it_unbounded(self, resource: Resource, sort: str):
        params = params_for(resource, {"sort": sort})
        assert params.sort == sort
        assert params.bounded is False

    def test_the_default_descending_is_another_sort(self):
        events_resource = RESOURCES[0]
        assert params_for(events_resource, {"sort": "date"}).bounded is True
        assert params_for(events_resource, {"sort": "-date"}).bounded is False


def _given(params: ListParams[Any]) -> set[str]:
    """The query-string names the request gave, as the query model recorded them."""
    model: Any = params.filters
    fields = type(model).model_fields
    return {fields[n].alias or n for n in model.model_fields_set}
