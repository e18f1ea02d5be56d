"""The OpenAPI description is complete: every operation is documented and typed."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    app = create_app(Settings(database_url="sqlite://"))
    with TestClient(app) as client:
        return client.get("/openapi.json").json()


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def has_example(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> bool:
    """The schema, or the record schema inside a list envelope, carries an example."""
    schema = resolve(spec, schema)
    if schema.get("examples") or schema.get("example"):
        return True
    if depth < 3 and "data" in schema.get("properties", {}):
        items = schema["properties"]["data"].get("items", {})
        return has_example(spec, items, depth + 1)
    return False


class TestOpenAPI:
    def test_every_resource_route_is_described(self, spec: dict[str, Any]):
        paths = set(spec["paths"])
        for resource in (
            "events",
            "programmes",
            "areas",
            "quotes",
            "people",
            "organisations",
            "sources",
        ):
            assert f"/v1/{resource}" in paths and f"/v1/{resource}/{{slug}}" in paths
        assert {"/v1/search", "/v1/timeline", "/v1/sources/{slug}/citations"} <= paths
        assert {"/healthz", "/readyz"} <= paths

    def test_every_operation_has_summary_description_id_and_tags(self, spec: dict[str, Any]):
        ids = []
        for path, method, op in operations(spec):
            where = f"{method.upper()} {path}"
            assert op.get("summary"), where
            assert op.get("description"), where
            assert op.get("operationId"), where
            assert op.get("tags"), where
            ids.append(op["operationId"])
        assert len(ids) == len(set(ids))

    def test_every_operation_has_a_typed_success_response_with_an_example(
        self, spec: dict[str, Any]
    ):
        for path, method, op in operations(spec):
            if path.endswith(".{format}"):  # an export: text (TestExports)
                continue
            if path.endswith("/package"):  # a ZIP (tests/releases)
                assert list(op["responses"]["200"]["content"]) == ["application/zip"]
                continue
            ok = op["responses"]["200"]["content"]["application/json"]
            schema = ok["schema"]
            assert "$ref" in schema, f"{method.upper()} {path} has an untyped response"
            assert has_example(spec, schema), f"{method.upper()} {path} has no example"

    def test_error_answers_are_documented_as_problem_details(self, spec: dict[str, Any]):
        for path, method, op in operations(spec):
            errors = {code: r for code, r in op["responses"].items() if code.startswith(("4", "5"))}
            assert errors, f"{method.upper()} {path} documents no error"
            for response in errors.values():
                if "content" in response:
                    assert "application/problem+json" in response["content"]

    def test_list_parameters_are_typed_and_documented(self, spec: dict[str, Any]):
        params = {p["name"]: p for p in spec["paths"]["/v1/events"]["get"]["parameters"]}
        for name in ("kind", "area", "programme", "person", "organisation", "place", "country",
                     "from", "to", "limit", "cursor", "count", "sort", "fields", "include",
                     "facets", "q", "source"):  # fmt: skip
            assert name in params, name
            assert params[name].get("description"), name
            assert params[name]["schema"], name
        # A repeatable filter is an array that is never null (absent means "any").
        assert params["kind"]["schema"]["type"] == "array"
        kind = resolve(spec, params["kind"]["schema"]["items"])
        assert "summit" in kind["enum"]
        assert [s.get("format") for s in params["from"]["schema"]["anyOf"]] == [None, "date", None]
        assert params["limit"]["schema"]["anyOf"][0]["maximum"] == 200

    def test_a_list_answers_json_and_its_export_each_of_its_other_formats(
        self, spec: dict[str, Any]
    ):
        listed = spec["paths"]["/v1/events"]["get"]["responses"]["200"]["content"]
        assert list(listed) == ["application/json"]
        exported = spec["paths"]["/v1/events.{format}"]["get"]["responses"]["200"]["content"]
        assert list(exported) == ["text/csv", "application/x-ndjson", "text/calendar"]
        assert all(media["schema"] == {"type": "string"} for media in exported.values())
        # The export takes what the list takes: the same filters, order and shape.
        parameters = {
            path: [
                p["name"] for p in spec["paths"][path]["get"]["parameters"] if p["in"] == "query"
            ]
            for path in ("/v1/events", "/v1/events.{format}")
        }
        assert parameters["/v1/events"] == parameters["/v1/events.{format}"]


class TestDocumentMetadata:
    def test_the_document_names_its_server_and_says_it_is_public(self, spec: dict[str, Any]):
        assert spec["servers"] == [{"url": "/", "description": "The service serving this document"}]
        assert spec["security"] == []  # no operation asks for credentials

    def test_every_tag_in_use_is_described(self, spec: dict[str, Any]):
        described = {tag["name"]: tag["description"] for tag in spec["tags"]}
        used = {tag for _, _, op in operations(spec) for tag in op["tags"]}
        assert used == set(described)
        assert all(text.endswith(".") for text in described.values())

    def test_the_introduction_explains_the_query_semantics(self, spec: dict[str, Any]):
        intro = spec["info"]["description"]
        for topic in (
            "## Lists",
            "partial",
            "cursor",
            "/v1/events.csv",
            "## Input and errors",
            "ETag",
        ):
            assert topic in intro, topic
