"""QueryRoute: a route's query model read in one pass, its endpoint called directly;
QueryReader: one query model from a query string (aliases, repeats, errors)."""

import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from enum import StrEnum
from typing import Annotated, Any, get_args

import pytest
from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from app.core.errors import install_error_handlers
from app.core.params import list_params
from app.core.routes import QueryReader, QueryRoute
from app.events import service as events
from app.events.router import EventQuery
from tests.support import assert_problem, curated, slugs

# --- Throwaway models and apps ----------------------------------------------------------


class Colour(StrEnum):
    red = "red"
    blue = "blue"


class Filters(BaseModel):
    from_: str | None = Field(None, alias="from", description="Start of the range.")
    colour: list[Colour] = Field([], description="Colour; repeat for several.")
    tag: list[str] | None = Field(None, description="Tags, optional and repeatable.")
    limit: int = Field(10, ge=1, le=100, description="Page size, 1-100.")
    name: str = Field(description="A required name.")


def json_of(body: dict[str, Any]) -> Response:
    return Response(json.dumps(body), media_type="application/json")


def client_for(router: APIRouter) -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    return TestClient(app)


def echo_client() -> TestClient:
    """`GET /things/{slug}`: the path parameter and the query model, as read."""
    router = APIRouter(route_class=QueryRoute)

    @router.get("/things/{slug}")
    async def things(
        request: Request,
        slug: Annotated[str, Path(description="The thing's slug.")],
        query: Annotated[Filters, Query()],
    ) -> Response:
        return json_of(
            {"path": request.url.path, "slug": slug, "query": query.model_dump(mode="json")}
        )

    return client_for(router)


def request_for(query_string: str) -> Request:
    return Request({"type": "http", "query_string": query_string.encode(), "headers": []})


# --- QueryReader -----------------------------------------------------------------------


class TestQueryReader:
    def test_a_repeated_parameter_is_read_as_a_list_in_order(self):
        read = QueryReader(Filters).read(request_for("name=n&colour=blue&colour=red"))
        assert isinstance(read, Filters)
        assert read.colour == [Colour.blue, Colour.red]

    def test_an_optional_list_field_repeats_too(self):
        read = QueryReader(Filters).read(request_for("name=n&tag=a&tag=b&tag=c"))
        assert read.tag == ["a", "b", "c"]

    def test_a_single_value_of_a_list_field_is_a_one_item_list(self):
        read = QueryReader(Filters).read(request_for("name=n&tag=only"))
        assert read.tag == ["only"]

    def test_a_scalar_given_twice_takes_the_last_value(self):
        read = QueryReader(Filters).read(request_for("name=first&limit=2&limit=30&name=last"))
        assert (read.limit, read.name) == (30, "last")

    def test_a_field_is_read_under_its_alias(self):
        read = QueryReader(Filters).read(request_for("name=n&from=2013"))
        assert read.from_ == "2013"

    def test_the_python_name_of_an_aliased_field_is_not_a_parameter(self):
        read = QueryReader(Filters).read(request_for("name=n&from_=2013"))
        assert read.from_ is None

    def test_absent_fields_keep_their_defaults_and_unknown_ones_are_ignored(self):
        read = QueryReader(Filters).read(request_for("name=n&colourful=yes&other=1"))
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
            QueryReader(Filters).read(request_for("name=n&limit=abc"))
        [error] = caught.value.errors()
        assert error["loc"] == ("query", "limit")
        assert error["type"] == "int_parsing"

    def test_a_bad_item_of_a_list_is_located_by_its_position(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryReader(Filters).read(request_for("name=n&colour=red&colour=green"))
        assert [e["loc"] for e in caught.value.errors()] == [("query", "colour", 1)]

    def test_an_aliased_field_is_located_by_its_alias(self):
        class Dated(BaseModel):
            from_: int | None = Field(None, alias="from")

        with pytest.raises(RequestValidationError) as caught:
            QueryReader(Dated).read(request_for("from=soon"))
        assert [e["loc"] for e in caught.value.errors()] == [("query", "from")]

    def test_every_error_is_reported_including_a_missing_required_field(self):
        with pytest.raises(RequestValidationError) as caught:
            QueryReader(Filters).read(request_for("limit=0"))
        found = {(e["loc"], e["type"]) for e in caught.value.errors()}
        assert found == {(("query", "limit"), "greater_than_equal"), (("query", "name"), "missing")}


# --- QueryRoute on a throwaway app -----------------------------------------------------


class TestQueryRouteArguments:
    def test_the_endpoint_gets_the_request_the_path_parameter_and_the_query_model(self):
        response = echo_client().get(
            "/things/blue-box?name=box&colour=red&colour=blue&from=2020&limit=3&limit=4"
        )
        assert response.status_code == 200, response.text
        assert response.json() == {
            "path": "/things/blue-box",
            "slug": "blue-box",
            "query": {
                "from_": "2020",
                "colour": ["red", "blue"],
                "tag": None,
                "limit": 4,
                "name": "box",
            },
        }

    def test_an_invalid_parameter_is_a_422_problem_naming_query_dot_the_parameter(self):
        response = echo_client().get("/things/x?name=n&limit=abc")
        problem = assert_problem(response, 422, "query.limit")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.limit"]

    def test_a_missing_required_parameter_is_a_422_problem_naming_it(self):
        problem = assert_problem(echo_client().get("/things/x"), 422, "query.name")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.name"]

    def test_an_invalid_aliased_parameter_is_named_by_its_alias(self):
        router = APIRouter(route_class=QueryRoute)

        class Dated(BaseModel):
            from_: int | None = Field(None, alias="from")

        @router.get("/dated")
        async def dated(query: Annotated[Dated, Query()]) -> Response:
            return json_of({"from": query.from_})

        client = client_for(router)
        assert client.get("/dated?from=7").json() == {"from": 7}
        assert_problem(client.get("/dated?from=soon"), 422, "query.from")

    def test_a_dependency_gets_the_query_model_and_its_result_is_passed_on(self):
        router = APIRouter(route_class=QueryRoute)
        seen: list[Request] = []

        def window(request: Request, query: Annotated[Filters, Query()]) -> tuple[int, str]:
            seen.append(request)
            return query.limit, query.name.upper()

        async def label(slug: Annotated[str, Path()], query: Annotated[Filters, Query()]) -> str:
            return f"{slug}:{','.join(query.colour)}"

        @router.get("/things/{slug}")
        async def things(
            request: Request,
            shown: Annotated[tuple[int, str], Depends(window)],
            named: Annotated[str, Depends(label)],
        ) -> Response:
            assert seen == [request]
            return json_of({"shown": list(shown), "named": named})

        response = client_for(router).get("/things/t?name=box&limit=5&colour=red&colour=blue")
        assert response.status_code == 200, response.text
        assert response.json() == {"shown": [5, "BOX"], "named": "t:red,blue"}

    def test_an_error_in_a_dependency_query_model_is_a_422_problem(self):
        router = APIRouter(route_class=QueryRoute)

        async def limit_of(query: Annotated[Filters, Query()]) -> int:
            return query.limit

        @router.get("/limited")
        async def limited(limit: Annotated[int, Depends(limit_of)]) -> Response:
            return json_of({"limit": limit})

        client = client_for(router)
        assert client.get("/limited?name=n&limit=9").json() == {"limit": 9}
        assert_problem(client.get("/limited?name=n&limit=101"), 422, "query.limit")

    def test_the_app_list_dependency_runs_under_the_route(self):
        router = APIRouter(route_class=QueryRoute)
        dependency = list_params(events.SPEC, EventQuery)

        @router.get("/events")
        async def listed(params: Annotated[Any, Depends(dependency)]) -> Response:
            return json_of(
                {
                    "limit": params.page.limit,
                    "kind": [str(k) for k in params.filters.kind],
                    "from": params.filters.from_,
                    "bounded": params.bounded,
                }
            )

        response = client_for(router).get("/events?kind=summit&kind=visit&from=2013&limit=4")
        assert response.status_code == 200, response.text
        assert response.json() == {
            "limit": 4,
            "kind": ["summit", "visit"],
            "from": "2013",
            "bounded": False,
        }


class TestQueryRouteThreads:
    """An async dependency runs on the event loop: its thread is the loop's."""

    @staticmethod
    def client(endpoint: Callable[..., Any]) -> TestClient:
        router = APIRouter(route_class=QueryRoute)
        router.get("/where")(endpoint)
        return client_for(router)

    def test_a_sync_endpoint_runs_in_a_worker_thread(self):
        def sync_endpoint(loop: Annotated[int, Depends(loop_thread)]) -> Response:
            return json_of({"loop": loop, "endpoint": threading.get_ident()})

        body = self.client(sync_endpoint).get("/where").json()
        assert body["endpoint"] != body["loop"]
        assert body["endpoint"] != threading.get_ident()

    def test_an_async_endpoint_runs_on_the_event_loop(self):
        async def async_endpoint(loop: Annotated[int, Depends(loop_thread)]) -> Response:
            return json_of({"loop": loop, "endpoint": threading.get_ident()})

        body = self.client(async_endpoint).get("/where").json()
        assert body["endpoint"] == body["loop"]


async def loop_thread() -> int:
    return threading.get_ident()


class TestQueryRouteResponses:
    def test_a_response_is_sent_as_the_endpoint_made_it(self):
        router = APIRouter(route_class=QueryRoute)

        @router.get("/teapot")
        async def teapot() -> Response:
            return Response("short and stout", status_code=418, headers={"X-Pot": "tea"})

        response = client_for(router).get("/teapot")
        assert (response.status_code, response.text) == (418, "short and stout")
        assert response.headers["x-pot"] == "tea"

    @pytest.mark.parametrize("is_async", [True, False], ids=["async", "sync"])
    def test_an_endpoint_returning_anything_but_a_response_is_a_type_error(self, is_async: bool):
        router = APIRouter(route_class=QueryRoute)

        async def async_plain() -> dict[str, str]:
            return {"not": "a response"}

        def sync_plain() -> dict[str, str]:
            return {"not": "a response"}

        router.get("/plain")(async_plain if is_async else sync_plain)
        with pytest.raises(TypeError, match="must return a Response"):
            client_for(router).get("/plain")


# Endpoints QueryRoute cannot serve, each refused when its route is built.


def plain_int(limit: int) -> Response:
    return Response()


def int_path(slug: Annotated[int, Path()]) -> Response:
    return Response()


def scalar_query(name: Annotated[str, Query()]) -> Response:
    return Response()


def two_models(a: Annotated[Filters, Query()], b: Annotated[EventQuery, Query()]) -> Response:
    return Response()


def session_dependency() -> Iterator[int]:
    yield 1


async def async_session_dependency() -> AsyncIterator[int]:
    yield 1


def generator_dependency(value: Annotated[int, Depends(session_dependency)]) -> Response:
    return Response()


def async_generator_dependency(
    value: Annotated[int, Depends(async_session_dependency)],
) -> Response:
    return Response()


def limit_only(query: Annotated[Filters, Query()]) -> int:
    return query.limit


def nested(limit: Annotated[int, Depends(limit_only)]) -> int:
    return limit


def nested_dependency(value: Annotated[int, Depends(nested)]) -> Response:
    return Response()


def bare(anything: Any) -> int:
    return 1


def dependency_taking_a_bare_parameter(value: Annotated[int, Depends(bare)]) -> Response:
    return Response()


class TestQueryRouteRefusals:
    @pytest.mark.parametrize(
        ("endpoint", "message"),
        [
            (plain_int, "cannot give 'limit'"),
            (int_path, "cannot give 'slug'"),
            (scalar_query, "cannot give 'name'"),
            (two_models, "one query model at most"),
            (generator_dependency, "generator dependency"),
            (async_generator_dependency, "generator dependency"),
            (nested_dependency, "nested: QueryRoute cannot give 'limit'"),
            (dependency_taking_a_bare_parameter, "cannot give 'anything'"),
        ],
        ids=lambda value: value.__name__ if callable(value) else None,
    )
    def test_an_unsupported_signature_is_a_type_error_when_the_route_is_built(
        self, endpoint: Callable[..., Response], message: str
    ):
        router = APIRouter(route_class=QueryRoute)
        with pytest.raises(TypeError, match=message):
            router.get("/things/{slug}")(endpoint)
        assert router.routes == []

    def test_router_level_dependencies_are_refused_rather_than_skipped(self):
        # They would appear in the route's description and never run.
        router = APIRouter(route_class=QueryRoute, dependencies=[Depends(limit_only)])

        async def fine(request: Request) -> Response:
            return Response()

        with pytest.raises(TypeError, match="route-level dependencies"):
            router.get("/things")(fine)

    def test_a_supported_signature_builds_a_query_route(self):
        router = APIRouter(route_class=QueryRoute)

        async def fine(
            request: Request,
            slug: Annotated[str, Path()],
            query: Annotated[Filters, Query()],
            limit: Annotated[int, Depends(limit_only)],
        ) -> Response:
            return Response()

        router.get("/things/{slug}")(fine)
        [route] = router.routes
        assert isinstance(route, QueryRoute)


class TestQueryRouteOpenAPI:
    @staticmethod
    def operation() -> dict[str, Any]:
        app = echo_client().app
        assert isinstance(app, FastAPI)
        return app.openapi()["paths"]["/things/{slug}"]["get"]  # type: ignore[no-any-return]

    def test_every_field_of_the_query_model_is_a_documented_query_parameter(self):
        parameters = {p["name"]: p for p in self.operation()["parameters"] if p["in"] == "query"}
        assert list(parameters) == ["from", "colour", "tag", "limit", "name"]
        assert {name: p["required"] for name, p in parameters.items()} == {
            "from": False,
            "colour": False,
            "tag": False,
            "limit": False,
            "name": True,
        }
        assert {name: p["description"] for name, p in parameters.items()} == {
            name: field.description
            for name, field in (
                (field.alias or key, field) for key, field in Filters.model_fields.items()
            )
        }
        assert parameters["colour"]["schema"]["type"] == "array"
        assert parameters["limit"]["schema"]["minimum"] == 1
        assert parameters["limit"]["schema"]["maximum"] == 100

    def test_the_path_parameter_is_documented(self):
        [path] = [p for p in self.operation()["parameters"] if p["in"] == "path"]
        assert path["name"] == "slug"
        assert path["required"] is True
        assert path["description"] == "The thing's slug."
        assert path["schema"]["type"] == "string"


# --- The real app ------------------------------------------------------------------------


class TestQueryRoutesOfTheApp:
    def test_repeated_kinds_filter_by_either_kind(self, client: TestClient):
        served = slugs(client, "/v1/events", kind=["summit", "visit"])
        kinds = {e["slug"]: e["kind"] for e in curated("events")}
        want = {slug for slug, kind in kinds.items() if kind in {"summit", "visit"}}
        assert {kinds[slug] for slug in want} == {"summit", "visit"}
        assert sorted(served) == sorted(want)

    def test_a_non_integer_limit_is_a_422_problem_naming_query_limit(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?limit=abc"), 422, "query.limit")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.limit"]

    def test_a_bad_from_date_is_a_422_problem_naming_query_from(self, client: TestClient):
        problem = assert_problem(client.get("/v1/events?from=2013-13"), 422, "query.from")
        assert [p["name"] for p in problem["invalid-params"]] == ["query.from"]

    def test_a_limit_given_twice_takes_the_last(self, client: TestClient):
        body = client.get("/v1/events?limit=1&limit=3").json()
        assert body["meta"]["limit"] == 3
        assert len(body["data"]) == 3

    def test_the_path_parameter_reaches_the_endpoint(self, client: TestClient):
        slug = curated("events")[0]["slug"]
        assert client.get(f"/v1/events/{slug}").json()["slug"] == slug

    def test_the_openapi_of_the_events_list_documents_every_query_parameter(
        self, client: TestClient
    ):
        model = get_args(list_params(events.SPEC, EventQuery).__annotations__["query"])[0]
        operation = client.get("/openapi.json").json()["paths"]["/v1/events"]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        want = [field.alias or name for name, field in model.model_fields.items()]
        assert "from" in want and "kind" in want and "limit" in want
        assert sorted(parameters) == sorted(want)
        assert all(p["in"] == "query" and p["required"] is False for p in parameters.values())
        assert all(p.get("description") for p in parameters.values())
        assert parameters["kind"]["schema"]["type"] == "array"
