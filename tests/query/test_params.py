"""Query parameters: a route's query model read in one pass (`QueryModel`) with the
results and errors FastAPI gives, declared to OpenAPI exactly as FastAPI declares it, and
working next to ordinary FastAPI dependencies; the list and detail dependencies
(`ListParameters`, and `DetailParameters` from app/query/documents.py): sort, fields,
include, facets, and whether a page is a `bounded` read (cursors: tests/core/test_orders.py)."""

import asyncio
import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import pytest
from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field
from sqlalchemy import Integer

from app.areas import router as areas
from app.core.errors import InvalidParameter, install_error_handlers
from app.core.orders import SortKey, encode_cursor
from app.events import router as events
from app.http.openapi import as_comma_list, install_openapi, query_parameters
from app.organisations import router as organisations
from app.people import router as people
from app.programmes import router as programmes
from app.query.params import ListParameters, QueryModel
from app.query.shapes import Page, Shape, repeatable
from app.quotes import router as quotes
from app.search import router as search
from app.sources import router as sources
from app.timeline import router as timeline
from tests.support import assert_problem, curated, slugs

# --- Throwaway models ------------------------------------------------------------------


class Colour(StrEnum):
    red = "red"
    blue = "blue"


class Filters(BaseModel):
    from_: str | None = Field(None, alias="from", description="Start of the range.")
    colour: list[Colour] = Field([], description="Colour; repeat for several.")
    tag: list[str] | None = Field(None, description="Tags, optional and repeatable.")
    limit: int = Field(10, ge=1, le=100, description="Page size, 1-100.")
    name: str = Field(description="A required name.")


class Everything(BaseModel):
    """A field of each kind a query model here may have."""

    from_: str | None = Field(None, alias="from", description="Start.", examples=["2013"])
    colour: list[Colour] = repeatable("Colour; repeat for several.")
    one: Colour | None = Field(None, description="One colour.")
    shade: Colour | None = Colour.blue
    tag: list[str] | None = Field(None, description="Tags.")
    limit: int = Field(10, ge=1, le=100, description="Page size.")
    flag: bool = False
    maybe: bool | None = Field(None, description="Perhaps.")
    day: date | None = None
    mode: Literal["a", "b"] = "a"
    ratio: float | None = Field(None, gt=0, examples=[0.5])
    code: str = Field("x", pattern="^[a-z]+$", max_length=9, title="Code title")
    ints: list[int] = Field(default_factory=list, max_length=3)
    plain: str = "x"


class Required(BaseModel):
    name: str
    count: int = Field(description="How many.")


class Dated(BaseModel):
    from_: int | None = Field(None, alias="from")


def request_for(query_string: str) -> Request:
    return Request({"type": "http", "query_string": query_string.encode(), "headers": []})


def without_instance(response: Any) -> tuple[int, Any]:
    """Status and body, the problem's `instance` (the path) left out."""
    body = response.json()
    if isinstance(body, dict):
        body.pop("instance", None)
    return response.status_code, body


def twin_app(model: type[BaseModel]) -> FastAPI:
    """`/standard` reads `model` as FastAPI does; `/ours` with `QueryModel`, declared
    with `query_parameters`."""
    app = FastAPI()
    install_error_handlers(app)
    reader = QueryModel(model)

    @app.get("/standard")
    def standard(query: Annotated[model, Query()]) -> Any:  # type: ignore[valid-type]
        return query.model_dump(mode="json")

    @app.get("/ours", openapi_extra=query_parameters(model))
    def ours(query: Annotated[model, Depends(reader)]) -> Any:  # type: ignore[valid-type]
        return query.model_dump(mode="json")

    return app


def run(dependency: Any, query: dict[str, Any] | str) -> Any:
    """What an async dependency taking the request gives for this query string."""
    text = query if isinstance(query, str) else urlencode(query, doseq=True)
    return asyncio.run(dependency(request_for(text)))


# --- QueryModel: reading ---------------------------------------------------------------


class TestQueryModelReading:
    def test_a_repeated_parameter_is_read_as_a_list_in_order(self):
        read = QueryModel(Filters).read(request_for("name=n&colour=blue&colour=red"))
        assert isinstance(read, Filters)
        assert read.colour == [Colour.blue, Colour.red]

    def test_an_optional_list_field_repeats_too(self):
        read = QueryModel(Filters).read(request_for("name=n&tag=a&tag=b&tag=c"))
        assert read.tag == ["a", "b", "c"]

    def test_a_single_value_of_a_list_field_is_a_one_item_list(self):
        assert QueryModel(Filters).read(request_for("name=n&tag=only")).tag == ["only"]

    def test_a_scalar_given_twice_takes_the_last_value(self):
        read = QueryModel(Filters).read(request_for("name=first&limit=2&limit=30&name=last"))
        assert (read.limit, read.name) == (30, "last")

    def test_a_field_is_read_under_its_alias(self):
        assert QueryModel(Filters).read(request_for("name=n&from=2013")).from_ == "2013"

    def test_the_python_name_of_an_aliased_field_is_not_a_parameter(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Filters).read(request_for("name=n&from_=2013"))
        assert [e["loc"] for e in caught.value.errors()] == [("query", "from_")]

    def test_an_unknown_parameter_is_refused_naming_it_and_what_the_route_takes(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Filters).read(request_for("name=n&colourful=yes&other=1"))
        errors = caught.value.errors()
        assert [e["loc"] for e in errors] == [("query", "colourful"), ("query", "other")]
        assert {e["type"] for e in errors} == {"unknown_parameter"}
        assert "it takes colour, from, limit, name, tag" in errors[0]["msg"]

    def test_unknown_and_invalid_parameters_are_refused_together(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Filters).read(request_for("name=n&limit=abc&colourful=yes"))
        assert [e["loc"] for e in caught.value.errors()] == [
            ("query", "limit"),
            ("query", "colourful"),
        ]

    @pytest.mark.parametrize("ignored", ["_=1732950000", "utm_source=newsletter&utm_medium="])
    def test_a_cache_buster_and_campaign_tags_are_accepted_and_ignored(self, ignored: str):
        read = QueryModel(Filters).read(request_for(f"name=n&{ignored}"))
        assert read.model_fields_set == {"name"}

    def test_absent_fields_keep_their_defaults(self):
        read = QueryModel(Filters).read(request_for("name=n"))
        assert read.model_dump() == {
            "from_": None,
            "colour": [],
            "tag": None,
            "limit": 10,
            "name": "n",
        }
        assert read.model_fields_set == {"name"}

    def test_an_invalid_value_is_a_validation_error_located_in_the_query(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Filters).read(request_for("name=n&limit=abc"))
        [error] = caught.value.errors()
        assert (error["loc"], error["type"]) == (("query", "limit"), "int_parsing")

    def test_a_bad_item_of_a_list_is_located_by_its_position(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Filters).read(request_for("name=n&colour=red&colour=green"))
        assert [e["loc"] for e in caught.value.errors()] == [("query", "colour", 1)]

    def test_an_aliased_field_is_located_by_its_alias(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Dated).read(request_for("from=soon"))
        assert [e["loc"] for e in caught.value.errors()] == [("query", "from")]

    def test_every_error_is_reported_including_a_missing_required_field(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryModel(Filters).read(request_for("limit=0"))
        found = {(e["loc"], e["type"]) for e in caught.value.errors()}
        assert found == {(("query", "limit"), "greater_than_equal"), (("query", "name"), "missing")}

    def test_the_dependency_gives_what_read_gives(self):
        reader = QueryModel(Filters)
        query = "name=n&colour=red&from=2020&limit=4"
        assert run(reader, query) == reader.read(request_for(query))


# Query strings for `Filters` and `Everything`: valid, invalid, repeated, aliased, empty.
FILTER_QUERIES = [
    "name=n",
    "",
    "name=n&colour=blue&colour=red",
    "name=n&tag=a&tag=b",
    "name=n&tag=x",
    "name=a&name=b&limit=2&limit=30",
    "name=n&from=2013",
    "name=n&limit=abc",
    "name=n&colour=green&colour=red&colour=x",
    "limit=0",
    "limit=101&colour=",
    "name=&limit=",
    "name=n&colour=red&from=1&from=2",
    "name=%E6%9D%B1%E4%BA%AC&tag=a%2Cb&tag=%20",
]
EVERYTHING_QUERIES = [
    "",
    "flag=yes&maybe=off",
    "flag=1&maybe=0",
    "flag=true&maybe=FALSE",
    "flag=on",
    "flag=maybe",
    "maybe=",
    "one=red&shade=red",
    "one=green",
    "one=",
    "day=2013-04-15",
    "day=2013-02-30",
    "day=2013",
    "mode=b",
    "mode=c",
    "ratio=0",
    "ratio=0.25",
    "ratio=abc",
    "code=abc",
    "code=ABC",
    "code=abcdefghij",
    "ints=1&ints=2",
    "ints=1&ints=x",
    "ints=1&ints=2&ints=3&ints=4",
    "from=2013&colour=red&colour=blue&limit=7",
]


@pytest.fixture(scope="module")
def filters() -> TestClient:
    return TestClient(twin_app(Filters))


@pytest.fixture(scope="module")
def everything() -> TestClient:
    return TestClient(twin_app(Everything))


class TestQueryModelAgreesWithFastAPI:
    """The same model read by FastAPI (`Annotated[Model, Query()]`) and by `QueryModel`:
    the same values, or the same 422 problem."""

    @pytest.mark.parametrize("query", FILTER_QUERIES)
    def test_repeats_aliases_and_errors_read_the_same(self, filters: TestClient, query: str):
        ours, standard = filters.get(f"/ours?{query}"), filters.get(f"/standard?{query}")
        assert without_instance(ours) == without_instance(standard)

    @pytest.mark.parametrize("query", EVERYTHING_QUERIES)
    def test_bools_enums_dates_and_constraints_read_the_same(
        self, everything: TestClient, query: str
    ):
        ours, standard = everything.get(f"/ours?{query}"), everything.get(f"/standard?{query}")
        assert without_instance(ours) == without_instance(standard)

    def test_an_invalid_parameter_is_a_422_problem_naming_query_dot_its_alias(
        self, filters: TestClient
    ):
        problem = assert_problem(filters.get("/ours?name=n&from=x&limit=abc"), 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["query.limit"]
        problem = assert_problem(TestClient(twin_app(Dated)).get("/ours?from=soon"), 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["query.from"]

    def test_a_missing_required_parameter_is_a_422_problem_naming_it(self, filters: TestClient):
        problem = assert_problem(filters.get("/ours"), 422, "query.name")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.name"]

    def test_a_bad_item_of_a_repeated_parameter_is_named_with_its_position(
        self, filters: TestClient
    ):
        problem = assert_problem(filters.get("/ours?name=n&colour=red&colour=green"), 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["query.colour.1"]


# --- OpenAPI --------------------------------------------------------------------------


def operation(app: FastAPI, path: str) -> dict[str, Any]:
    return app.openapi()["paths"][path]["get"]  # type: ignore[no-any-return]


@cache
def as_fastapi_declares(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The parameters FastAPI documents for `model` read as a query model, a comma list
    (which FastAPI cannot declare) declared as one array in one value."""
    parameters: list[dict[str, Any]] = operation(twin_app(model), "/standard")["parameters"]
    for parameter in parameters:
        as_comma_list(parameter)
    return parameters


# Every query model the app's routes read, by its own name.
APP_MODELS = {
    "events": events.LIST.model,
    "event": events.DETAIL.model,
    "programmes": programmes.LIST.model,
    "areas": areas.LIST.model,
    "quotes": quotes.LIST.model,
    "people": people.LIST.model,
    "organisations": organisations.LIST.model,
    "sources": sources.LIST.model,
    "citations": sources.CITATIONS.model,
    "search": search.SEARCH.model,
    "timeline": timeline.TIMELINE.model,
}


class Colourless(BaseModel):
    """No parameter at all."""


class TestQueryParametersInOpenAPI:
    @pytest.mark.parametrize(
        "model", [Filters, Everything, Required, Dated, Colourless], ids=lambda m: m.__name__
    )
    def test_they_are_exactly_the_parameters_fastapi_declares(self, model: type[BaseModel]):
        app = twin_app(model)
        standard = operation(app, "/standard").get("parameters", [])
        assert operation(app, "/ours").get("parameters", []) == standard

    @pytest.mark.parametrize("name", APP_MODELS)
    def test_each_app_route_model_is_declared_as_fastapi_declares_it(self, name: str):
        model = APP_MODELS[name]
        assert query_parameters(model)["parameters"] == as_fastapi_declares(model)

    def test_the_enums_they_refer_to_are_the_components_fastapi_would_make(self):
        standard = twin_app(Everything).openapi()["components"]["schemas"]["Colour"]
        app = FastAPI()
        install_openapi(app, ())  # adds the schemas that declared query parameters refer to
        reader = QueryModel(Everything)

        @app.get("/ours", openapi_extra=query_parameters(Everything))
        def ours(query: Annotated[Everything, Depends(reader)]) -> None:
            return None

        document = app.openapi()
        assert '"$ref": "#/components/schemas/Colour"' in json.dumps(document["paths"])
        assert document["components"]["schemas"]["Colour"] == standard
        assert standard == {"type": "string", "enum": ["red", "blue"], "title": "Colour"}

    def test_every_field_is_a_documented_query_parameter(self):
        parameters = {p["name"]: p for p in query_parameters(Filters)["parameters"]}
        assert list(parameters) == ["from", "colour", "tag", "limit", "name"]
        assert all(p["in"] == "query" for p in parameters.values())
        assert {name: p["required"] for name, p in parameters.items()} == {
            "from": False,
            "colour": False,
            "tag": False,
            "limit": False,
            "name": True,
        }
        assert {name: p["description"] for name, p in parameters.items()} == {
            field.alias or key: field.description for key, field in Filters.model_fields.items()
        }
        assert parameters["colour"]["schema"]["type"] == "array"
        limit = parameters["limit"]["schema"]
        assert (limit["minimum"], limit["maximum"]) == (1, 100)

    def test_a_field_typed_by_an_enum_alone_is_declared_as_fastapi_declares_it(self):
        class Shaded(BaseModel):
            shade: Colour = Field(Colour.red, description="The shade.")

        assert query_parameters(Shaded)["parameters"] == as_fastapi_declares(Shaded)

    def test_a_deprecated_field_is_declared_deprecated_as_fastapi_declares_it(self):
        class Old(BaseModel):
            old: str | None = Field(None, deprecated=True, description="Gone.")

        assert query_parameters(Old)["parameters"] == as_fastapi_declares(Old)


class TestOpenAPIOfTheApp:
    # Each documented route with a query model, and the path parameters it has.
    ROUTES = {
        "/v1/events": ("events", []),
        "/v1/events/{slug}": ("event", ["slug"]),
        "/v1/programmes": ("programmes", []),
        "/v1/areas": ("areas", []),
        "/v1/quotes": ("quotes", []),
        "/v1/people": ("people", []),
        "/v1/organisations": ("organisations", []),
        "/v1/sources": ("sources", []),
        "/v1/sources/{slug}/citations": ("citations", ["slug"]),
        "/v1/search": ("search", []),
        "/v1/timeline": ("timeline", []),
    }

    def test_each_route_documents_its_query_model_as_fastapi_would(self, client: TestClient):
        document = client.get("/openapi.json").json()
        for path, (name, path_params) in self.ROUTES.items():
            parameters = document["paths"][path]["get"]["parameters"]
            assert [p["name"] for p in parameters if p["in"] == "path"] == path_params, path
            queried = [p for p in parameters if p["in"] == "query"]
            assert queried == as_fastapi_declares(APP_MODELS[name]), path

    def test_the_events_list_documents_every_query_parameter(self, client: TestClient):
        operation = client.get("/openapi.json").json()["paths"]["/v1/events"]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        model = events.LIST.model
        want = [field.alias or name for name, field in model.model_fields.items()]
        assert {"from", "kind", "limit", "cursor", "sort", "q", "source"} <= set(want)
        assert sorted(parameters) == sorted(want)
        assert all(p["in"] == "query" and p["required"] is False for p in parameters.values())
        assert all(p.get("description") for p in parameters.values())
        assert parameters["kind"]["schema"]["type"] == "array"

    def test_the_enums_parameters_refer_to_are_in_the_components(self, client: TestClient):
        document = client.get("/openapi.json").json()
        refs = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(document["paths"])))
        assert "EventKind" in refs
        assert refs <= set(document["components"]["schemas"])
        kinds = document["components"]["schemas"]["EventKind"]
        assert kinds["type"] == "string" and "summit" in kinds["enum"]


# --- Ordinary FastAPI with these dependencies ------------------------------------------


@dataclass
class Calls:
    """What the test app's dependencies saw, in order."""

    seen: list[str]


def ordinary_app(calls: Calls) -> FastAPI:
    """Routes whose query models are read by `QueryModel` / `ListParameters`, next to a
    sync dependency, an async one with `yield`, a sync one with `yield`, a header, a path
    parameter and a router-level dependency; and their twins that FastAPI reads itself."""
    app = FastAPI()
    install_error_handlers(app)
    filters = QueryModel(Filters)

    async def traced(x_trace: Annotated[str | None, Header()] = None) -> None:
        calls.seen.append(f"router:{x_trace}")

    def doubled(query: Annotated[Filters, Depends(filters)]) -> int:
        calls.seen.append("sync")
        return query.limit * 2

    async def held() -> AsyncIterator[str]:
        calls.seen.append("opened")
        yield "held"
        calls.seen.append("closed")

    def released() -> Iterator[str]:
        calls.seen.append("sync opened")
        yield "released"
        calls.seen.append("sync closed")

    router = APIRouter(dependencies=[Depends(traced)])

    @router.get("/things/{slug}", openapi_extra=query_parameters(Filters))
    async def things(
        slug: Annotated[str, Path(description="The thing's slug.")],
        query: Annotated[Filters, Depends(filters)],
        twice: Annotated[int, Depends(doubled)],
        first: Annotated[str, Depends(held)],
        second: Annotated[str, Depends(released)],
        x_token: Annotated[str, Header()],
    ) -> dict[str, Any]:
        calls.seen.append("endpoint")
        return {
            "slug": slug,
            "query": query.model_dump(mode="json"),
            "twice": twice,
            "held": [first, second],
            "token": x_token,
        }

    @router.get("/standard/things/{slug}")
    async def standard_things(
        slug: Annotated[str, Path(description="The thing's slug.")],
        query: Annotated[Filters, Query()],
        twice: Annotated[int, Depends(doubled)],
        first: Annotated[str, Depends(held)],
        second: Annotated[str, Depends(released)],
        x_token: Annotated[str, Header()],
    ) -> dict[str, Any]:
        return {}

    @router.get("/events/{slug}", openapi_extra=query_parameters(events.LIST.model))
    def listed(  # a sync endpoint: FastAPI runs it in a worker thread
        slug: Annotated[str, Path()],
        page: Annotated[Page[Any], Depends(events.LIST)],
        first: Annotated[str, Depends(held)],
        user_agent: Annotated[str, Header()],
    ) -> dict[str, Any]:
        calls.seen.append("endpoint")
        return {
            "slug": slug,
            "limit": page.limit,
            "kind": [str(k) for k in page.filters.kind],
            "from": page.filters.from_,
            "order": page.order.signature,
            "bounded": page.bounded,
            "held": first,
            "agent": user_agent,
        }

    @router.get("/standard/events/{slug}")
    def standard_listed(
        slug: Annotated[str, Path()],
        query: Annotated[events.LIST.model, Query()],  # type: ignore[name-defined]
        first: Annotated[str, Depends(held)],
        user_agent: Annotated[str, Header()],
    ) -> dict[str, Any]:
        return {}

    app.include_router(router)
    return app


def documented(app: FastAPI, path: str) -> list[str]:
    """An operation's parameters, each as its JSON, in a stable order; a comma list as the
    document declares one (FastAPI cannot)."""
    parameters = operation(app, path)["parameters"]
    for parameter in parameters:
        as_comma_list(parameter)
    return sorted(json.dumps(p, sort_keys=True) for p in parameters)


class TestOrdinaryFastAPIWithTheseDependencies:
    @pytest.fixture
    def calls(self) -> Calls:
        return Calls([])

    @pytest.fixture
    def ordinary(self, calls: Calls) -> TestClient:
        return TestClient(ordinary_app(calls))

    def test_every_dependency_header_and_path_parameter_reaches_the_endpoint(
        self, ordinary: TestClient, calls: Calls
    ):
        response = ordinary.get(
            "/things/blue-box?name=box&colour=red&colour=blue&from=2020&limit=3&limit=4",
            headers={"x-token": "secret", "x-trace": "t1"},
        )
        assert response.status_code == 200, response.text
        assert response.json() == {
            "slug": "blue-box",
            "query": {
                "from_": "2020",
                "colour": ["red", "blue"],
                "tag": None,
                "limit": 4,
                "name": "box",
            },
            "twice": 8,
            "held": ["held", "released"],
            "token": "secret",
        }
        assert calls.seen[0] == "router:t1"
        assert {"sync", "opened", "sync opened"} < set(calls.seen)
        # The yield dependencies are closed once the endpoint has answered.
        assert calls.seen.index("endpoint") < calls.seen.index("closed")
        assert calls.seen.index("endpoint") < calls.seen.index("sync closed")

    def test_the_list_dependency_runs_beside_them_under_a_sync_endpoint(
        self, ordinary: TestClient, calls: Calls
    ):
        response = ordinary.get(
            "/events/e1?kind=summit&kind=visit&from=2013&limit=4&sort=-date",
            headers={"user-agent": "tests"},
        )
        assert response.status_code == 200, response.text
        assert response.json() == {
            "slug": "e1",
            "limit": 4,
            "kind": ["summit", "visit"],
            "from": "2013",
            "order": "-date",
            "bounded": False,
            "held": "held",
            "agent": "tests",
        }
        assert calls.seen == ["router:None", "opened", "endpoint", "closed"]

    def test_an_invalid_query_parameter_is_a_422_problem_naming_it(self, ordinary: TestClient):
        response = ordinary.get("/things/x?name=n&limit=101", headers={"x-token": "t"})
        problem = assert_problem(response, 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["query.limit"]

    def test_the_list_dependency_refusals_are_422_problems(self, ordinary: TestClient):
        headers = {"user-agent": "tests"}
        assert_problem(ordinary.get("/events/x?sort=colour", headers=headers), 422, "query.sort")
        assert_problem(ordinary.get("/events/x?kind=party", headers=headers), 422, "query.kind")

    def test_fastapis_own_parameters_are_still_checked(self, ordinary: TestClient):
        problem = assert_problem(ordinary.get("/things/x?name=n"), 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["header.x-token"]

    @pytest.mark.xfail(
        strict=True,
        reason="Known difference: a QueryModel dependency raises its 422 before FastAPI checks the "
        "route's own parameters, so a bad query and a missing header report the query only",
    )
    def test_query_and_header_errors_are_reported_together_as_fastapi_reports_them(self):
        app = FastAPI()
        install_error_handlers(app)
        reader = QueryModel(Filters)

        @app.get("/ours")
        def ours(
            query: Annotated[Filters, Depends(reader)], x_token: Annotated[str, Header()]
        ) -> None:
            return None

        @app.get("/standard")
        def standard(query: Annotated[Filters, Query()], x_token: Annotated[str, Header()]) -> None:
            return None

        client = TestClient(app)
        standard_names = assert_problem(client.get("/standard?limit=abc"), 422)["invalid-params"]
        assert {p["name"] for p in standard_names} == {
            "query.limit",
            "query.name",
            "header.x-token",
        }
        ours_names = assert_problem(client.get("/ours?limit=abc"), 422)["invalid-params"]
        assert ours_names == standard_names

    @pytest.mark.parametrize(
        ("ours", "standard"),
        [
            ("/things/{slug}", "/standard/things/{slug}"),
            ("/events/{slug}", "/standard/events/{slug}"),
        ],
    )
    def test_every_parameter_is_documented_as_fastapi_documents_its_twin(
        self, ordinary: TestClient, ours: str, standard: str
    ):
        app = ordinary.app
        assert isinstance(app, FastAPI)
        assert documented(app, ours) == documented(app, standard)
        names = {(p["in"], p["name"]) for p in operation(app, ours)["parameters"]}
        assert ("path", "slug") in names and ("header", "x-trace") in names


# --- The app's list and detail parameters ---------------------------------------------


# Every route that takes query parameters, with one it does not take.
UNKNOWN_ON_EVERY_ROUTE = [
    "/v1/events?areas=maritime-security",  # a typo of `area`
    "/v1/events/ipcp-signing-2014?field=title",
    "/v1/programmes?in_force=2021-01-01",
    "/v1/areas?parents=cyber-defence",
    "/v1/quotes?speakers=shinzo-abe",
    "/v1/people?countries=Japan",
    "/v1/organisations?kinds=state",
    "/v1/sources?kinds=news",
    "/v1/sources/blog-2014-05-07-ipcp-signing/citations?types=event",
    "/v1/search?q=cyber&types=areas",
    "/v1/timeline?year=2014",
]


class TestUnknownParameters:
    """A parameter a route does not take is a 422 naming it: a typo never looks like a
    result. `_` (a cache-buster) and `utm_…` (campaign tags) are accepted and ignored."""

    @pytest.mark.parametrize("address", UNKNOWN_ON_EVERY_ROUTE)
    def test_every_route_refuses_a_parameter_it_does_not_take(
        self, client: TestClient, address: str
    ):
        name = address.split("?", 1)[1].split("&")[-1].split("=")[0]  # the last one
        problem = assert_problem(client.get(address), 422, f"query.{name}")
        [invalid] = problem["invalid-params"]
        assert invalid["reason"].startswith("is not a parameter of this route; it takes ")

    def test_the_refusal_lists_what_the_route_takes(self, client: TestClient):
        problem = assert_problem(client.get("/v1/timeline?year=2014"), 422, "query.year")
        taken = problem["invalid-params"][0]["reason"].split("it takes ")[1].split(", ")
        documented = [
            p["name"]
            for p in client.get("/openapi.json").json()["paths"]["/v1/timeline"]["get"][
                "parameters"
            ]
        ]
        assert sorted(taken) == sorted(documented)

    def test_a_typo_beside_a_bad_value_reports_both(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?limit=0&areas=x"), 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["query.limit", "query.areas"]

    @pytest.mark.parametrize(
        "extra", ["_=1732950000", "utm_source=newsletter&utm_campaign=nato", "_="]
    )
    def test_a_cache_buster_and_campaign_tags_change_nothing(self, client: TestClient, extra: str):
        plain = client.get("/v1/events?kind=signing&limit=3").json()
        tagged = client.get(f"/v1/events?kind=signing&limit=3&{extra}")
        assert tagged.status_code == 200
        assert tagged.json()["data"] == plain["data"]

    def test_health_routes_take_no_parameters_and_ignore_any(self, client: TestClient):
        # Probes are called by load balancers that add their own; they answer regardless.
        assert client.get("/healthz?probe=lb").status_code == 200


class TestListParameterValidation:
    def test_an_unknown_or_padded_sort_field_is_a_422_problem(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?sort=colour"), 422, "query.sort")
        assert "colour" in problem["detail"]
        assert_problem(client.get("/v1/events?sort=date,%20title"), 422, "query.sort")
        assert_problem(client.get("/v1/quotes?sort=title"), 422, "query.sort")

    def test_an_unknown_field_is_a_422_problem_on_lists_and_details(self, client: TestClient):
        response = client.get("/v1/events?fields=slug,colour")
        assert "colour" in assert_problem(response, 422, "query.fields")["detail"]
        slug = curated("events")[0]["slug"]
        assert_problem(client.get(f"/v1/events/{slug}?fields=colour"), 422, "query.fields")

    def test_an_unknown_include_is_a_422_problem_on_lists_and_details(self, client: TestClient):
        response = client.get("/v1/events?include=everything")
        assert "everything" in assert_problem(response, 422, "query.include")["detail"]
        slug = curated("events")[0]["slug"]
        response = client.get(f"/v1/events/{slug}?include=everything")
        assert_problem(response, 422, "query.include")

    def test_an_unknown_facet_is_a_422_problem(self, client: TestClient):
        response = client.get("/v1/events?facets=kind,colour")
        assert "colour" in assert_problem(response, 422, "query.facets")["detail"]

    def test_200_is_the_largest_page_and_1_the_smallest(self, client: TestClient):
        assert client.get("/v1/events?limit=200").json()["meta"]["limit"] == 200
        assert_problem(client.get("/v1/events?limit=201"), 422, "query.limit")
        assert_problem(client.get("/v1/events?limit=0"), 422, "query.limit")

    def test_a_non_integer_limit_is_a_422_problem_naming_only_query_limit(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?limit=abc"), 422, "query.limit")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.limit"]

    def test_a_bad_from_date_is_a_422_problem_naming_query_from(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?from=2013-13"), 422, "query.from")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.from"]

    def test_an_unknown_kind_is_a_422_problem_naming_its_position(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?kind=summit&kind=party"), 422)
        assert [p["name"] for p in problem["invalid-params"]] == ["query.kind.1"]

    def test_an_unknown_format_is_a_422_problem(self, client: TestClient):
        assert_problem(client.get("/v1/events?format=xml"), 422, "query.format")

    def test_a_limit_given_twice_takes_the_last(self, client: TestClient):
        body = client.get("/v1/events?limit=1&limit=3").json()
        assert body["meta"]["limit"] == 3 and len(body["data"]) == 3

    def test_repeated_kinds_filter_by_either_kind(self, client: TestClient):
        served = slugs(client, "/v1/events", kind=["summit", "visit"])
        kinds = {e["slug"]: e["kind"] for e in curated("events")}
        want = {slug for slug, kind in kinds.items() if kind in {"summit", "visit"}}
        assert {kinds[slug] for slug in want} == {"summit", "visit"}
        assert sorted(served) == sorted(want)

    def test_the_path_parameter_reaches_the_detail_route(self, client: TestClient):
        slug = curated("events")[0]["slug"]
        assert client.get(f"/v1/events/{slug}").json()["slug"] == slug


class TestDetailParameters:
    def test_fields_and_include_are_read_checked_and_split(self):
        shape = run(events.DETAIL, "fields=title,date,title&include=areas,citations")
        assert shape == Shape(fields=["title", "date"], include=["areas", "citations"])
        assert not shape.as_stored

    def test_a_comma_list_given_several_times_is_one_list(self):
        # As openapi-python-client sends a list, though the document says `explode: false`.
        shape = run(events.DETAIL, "fields=title&fields=date,title&include=areas&include=people")
        assert shape == Shape(fields=["title", "date"], include=["areas", "people"])

    @pytest.mark.parametrize(
        "query", ["fields=", "fields=title,", "fields=,title", "include=areas,,people"]
    )
    def test_an_empty_list_or_item_is_refused(self, query: str):
        with pytest.raises(InvalidParameter, match="empty"):
            run(events.DETAIL, query)

    def test_a_padded_name_is_not_the_name(self):
        with pytest.raises(InvalidParameter, match="' date' is not one of slug, title"):
            run(events.DETAIL, "fields=title,%20date")

    def test_nothing_asked_is_the_stored_shape(self):
        shape = run(events.DETAIL, "")
        assert shape == Shape(fields=None, include=[]) and shape.as_stored

    @pytest.mark.parametrize(
        ("query", "param"), [("fields=colour", "query.fields"), ("include=all", "query.include")]
    )
    def test_an_unknown_name_is_refused_naming_the_parameter(self, query: str, param: str):
        with pytest.raises(InvalidParameter) as refused:
            run(events.DETAIL, query)
        assert [p.name for p in refused.value.params] == [param]


# --- Bounded pages ---------------------------------------------------------------------


def _sample(key: SortKey) -> Any:
    """A value of the key's column type: a whole number for an integer key, else text."""
    column_type = getattr(key.expression.type, "impl_instance", key.expression.type)
    return 7 if isinstance(column_type, Integer) else "x"


@dataclass(frozen=True)
class Listing:
    """An app list's dependency and a valid value for each of its own filters."""

    parameters: ListParameters[Any]
    filter_values: dict[str, Any]

    def __str__(self) -> str:
        return self.parameters.resource.plural

    @property
    def cited(self) -> bool:
        return "q" in self.parameters.model.model_fields

    def cursor(self, sort: str | None = None) -> str:
        """A cursor of this list's order (default unless `sort`)."""
        order = self.parameters.resource.order(sort)
        values = [date(2013, 4, 15) if k.is_date else _sample(k) for k in order.keys]
        return encode_cursor(order.signature, values)

    def shaping(self) -> dict[str, str]:
        """`fields` and `include` (when the resource has any), both valid."""
        resource = self.parameters.resource
        values = {"fields": ",".join(list(resource.public_model.model_fields)[:2])}
        if resource.includes:
            values["include"] = ",".join(resource.includes)
        return values


LISTINGS = [
    Listing(
        events.LIST,
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
    Listing(
        programmes.LIST,
        {
            "kind": ["declaration"],
            "area": ["cyber-defence"],
            "in_force_on": "2014-05-06",
            "from": "2013",
            "to": "2020",
        },
    ),
    Listing(areas.LIST, {"parent": "cyber-defence", "top_level": "true"}),
    Listing(
        quotes.LIST,
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
    Listing(people.LIST, {"organisation": ["nato"], "country": "japan"}),
    Listing(organisations.LIST, {"kind": ["state"], "parent": "nato", "country": "japan"}),
    Listing(sources.LIST, {"kind": ["nato_news"]}),
    Listing(sources.CITATIONS, {"type": ["event"]}),
]
CITED = [listing for listing in LISTINGS if listing.cited]
EVERY_LIST_PARAMETER = {"limit", "cursor", "count", "sort", "fields", "include", "facets"}


def page_of(listing: Listing, query: dict[str, Any]) -> Page[Any]:
    return run(listing.parameters, query)  # type: ignore[no-any-return]


def given(page: Page[Any]) -> set[str]:
    """The query-string names the request gave, as the query model recorded them."""
    model: Any = page.filters
    fields = type(model).model_fields
    return {fields[n].alias or n for n in model.model_fields_set}


class TestBoundedPages:
    """A page of the default order with nothing filtered, counted or faceted is
    `bounded` (cheap enough to read on the event loop); anything else is not."""

    def test_the_covered_filters_are_every_filter_of_each_list(self):
        for listing in LISTINGS:
            fields = listing.parameters.model.model_fields
            names = {f.alias or n for n, f in fields.items()}
            cited = {"q", "source", "basis"} if listing.cited else set()
            own = names - EVERY_LIST_PARAMETER - cited
            assert set(listing.filter_values) == own, listing

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_a_bare_request_is_bounded(self, listing: Listing):
        page = page_of(listing, {})
        assert page.bounded is True
        assert (page.limit, page.start_after) == (None, None)
        assert page.order.signature == listing.parameters.resource.order(None).signature
        assert page.shape.as_stored and page.plain

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_paging_shaping_and_the_default_sort_keep_it_bounded(self, listing: Listing):
        resource = listing.parameters.resource
        query = {
            "limit": "7",
            "cursor": listing.cursor(),
            "sort": resource.default_sort,
            **listing.shaping(),
        }
        page = page_of(listing, query)
        assert page.bounded is True
        assert page.limit == 7 and page.start_after is not None
        assert page.shape.fields and page.shape.include == list(resource.includes)

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_each_paging_or_shaping_parameter_alone_keeps_it_bounded(self, listing: Listing):
        resource = listing.parameters.resource
        values = {
            "limit": "1",
            "cursor": listing.cursor(),
            "sort": resource.default_sort,
            **listing.shaping(),
        }
        if "include" not in values:  # a resource with nothing to include takes no include=
            assert not resource.includes
            with pytest.raises(RequestValidationError, match="unknown_parameter"):
                page_of(listing, {"include": "areas"})
        for name in ("limit", "cursor", "sort", "fields", "include"):
            if name in values:
                assert page_of(listing, {name: values[name]}).bounded is True, name

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_the_default_order_spelt_otherwise_keeps_it_bounded(self, listing: Listing):
        default = listing.parameters.resource.default_sort
        for spelling in (default, f"{default},{default}", f"{default},-{default}"):
            assert page_of(listing, {"sort": spelling}).bounded is True, spelling

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_any_filter_makes_it_unbounded(self, listing: Listing):
        for name, value in listing.filter_values.items():
            page = page_of(listing, {"limit": "5", name: value})
            assert page.bounded is False, name
            # The filter was read, so a bounded read would have ignored something asked.
            assert name in given(page)

    @pytest.mark.parametrize("listing", CITED, ids=str)
    @pytest.mark.parametrize(("name", "value"), [("q", "Japan"), ("source", "any-source")])
    def test_a_search_or_a_source_makes_it_unbounded(self, listing: Listing, name: str, value: str):
        page = page_of(listing, {name: value})
        assert getattr(page, name) == value
        assert page.bounded is False

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_a_count_makes_it_unbounded(self, listing: Listing):
        page = page_of(listing, {"count": "true"})
        assert page.count is True and page.bounded is False and not page.plain

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_facets_make_it_unbounded(self, listing: Listing):
        facets = ",".join(listing.parameters.resource.facets)
        if not facets:  # a list with no facets takes no facets=, before it reads anything
            with pytest.raises(RequestValidationError, match="unknown_parameter"):
                page_of(listing, {"facets": "kind"})
            return
        page = page_of(listing, {"facets": facets})
        assert page.facets == tuple(facets.split(","))
        assert page.bounded is False and not page.plain

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_any_other_sort_makes_it_unbounded(self, listing: Listing):
        resource = listing.parameters.resource
        others = [
            sort
            for field in resource.sorts
            for sort in (field, f"-{field}")
            if sort != resource.default_sort
        ]
        for sort in others:
            page = page_of(listing, {"sort": sort})
            assert page.order.signature == sort
            assert page.bounded is False, sort

    def test_the_default_descending_is_another_sort(self):
        assert page_of(LISTINGS[0], {"sort": "date"}).bounded is True
        assert page_of(LISTINGS[0], {"sort": "-date"}).bounded is False

    def test_a_cursor_gives_the_values_the_next_page_starts_after(self):
        listing = LISTINGS[0]
        page = page_of(listing, {"cursor": listing.cursor(), "limit": "3"})
        assert page.start_after == [date(2013, 4, 15), "x"]
        assert page.size == 3
        assert page_of(listing, {}).size == 50


DETAILS = [
    events.DETAIL,
    programmes.DETAIL,
    areas.DETAIL,
    quotes.DETAIL,
    people.DETAIL,
    organisations.DETAIL,
    sources.DETAIL,
]


def refused(dependency: Any, query: str) -> list[str]:
    """The parameters a dependency names when it refuses this query string."""
    with pytest.raises((InvalidParameter, RequestValidationError)) as caught:
        run(dependency, query)
    if isinstance(caught.value, InvalidParameter):
        return [p.name for p in caught.value.params]
    return [".".join(map(str, e["loc"])) for e in caught.value.errors()]


class TestEveryListsRefusals:
    """What each app list and detail refuses (its 422 problem: TestListParameterValidation)."""

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_an_unknown_field_include_or_sort_is_refused_naming_it(self, listing: Listing):
        dependency = listing.parameters
        assert refused(dependency, "fields=slug,colour") == ["query.fields"]
        assert refused(dependency, "include=everything") == ["query.include"]
        assert refused(dependency, "sort=colour") == ["query.sort"]
        name = next(iter(dependency.resource.sorts))
        assert refused(dependency, f"sort={name},") == ["query.sort"]

    @pytest.mark.parametrize("listing", LISTINGS, ids=str)
    def test_200_is_the_largest_page_and_1_the_smallest(self, listing: Listing):
        assert page_of(listing, {"limit": "200"}).limit == 200
        assert refused(listing.parameters, "limit=201") == ["query.limit"]
        assert refused(listing.parameters, "limit=0") == ["query.limit"]

    @pytest.mark.parametrize("detail", DETAILS, ids=lambda d: d.resource.plural)
    def test_a_detail_refuses_an_unknown_field_or_include_naming_it(self, detail: Any):
        assert refused(detail, "fields=colour") == ["query.fields"]
        assert refused(detail, "include=everything") == ["query.include"]
        fields = ",".join(list(detail.resource.public_model.model_fields)[:2])
        assert run(detail, f"fields={fields}").fields == fields.split(",")
