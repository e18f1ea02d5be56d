"""The OpenAPI document: query parameters declared as FastAPI would, real examples with
their nulls, problems under the media type they are sent with, and record schemas that
say what `fields=` and `include=` do to a record."""

import copy
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from app.core.errors import (
    FAILED,
    GONE_EXAMPLE,
    PROBLEM_BASE,
    PROBLEM_MEDIA_TYPE,
    ProblemError,
)
from app.core.models import Resource
from app.http.limits import refusal_examples
from app.query.shapes import COMMA_LIST, ENUMS

# Schemas that query parameters refer to (enums), for the OpenAPI document's components.
COMPONENTS: dict[str, Any] = {}
_ORDER = {"type": 0, "enum": 1, "title": 2, "description": 3}


def as_comma_list(parameter: dict[str, Any]) -> None:
    """A parameter marked by `comma_list`, declared: its items the enum it names (pydantic
    would resolve a reference itself, so the mark carries the name until now)."""
    name = parameter["schema"].pop(COMMA_LIST, None)
    if name is not None:
        parameter["schema"]["items"] = {"$ref": f"#/components/schemas/{name}"}
        parameter |= {"style": "form", "explode": False}


def query_parameters(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` declaring `model`'s fields as query parameters, exactly as FastAPI
    declares a query model it reads itself (routes read theirs in one pass)."""
    schema = model.model_json_schema(
        ref_template="#/components/schemas/{model}", schema_generator=_AsFastAPI
    )
    for key, component in schema.get("$defs", {}).items():  # in FastAPI's key order
        COMPONENTS[key] = dict(sorted(component.items(), key=lambda i: _ORDER.get(i[0], 9)))
    required = set(schema.get("required", ()))
    parameters = []
    for name, field_schema in schema["properties"].items():
        if "anyOf" in field_schema:  # a bare union inside `X | None` is one union
            field_schema["anyOf"] = [
                member
                for part in field_schema["anyOf"]
                for member in (part["anyOf"] if set(part) == {"anyOf"} else [part])
            ]
        if field_schema.get("default", ...) is None:
            del field_schema["default"]  # FastAPI leaves out a default of None
        # FastAPI's order: the default after the description, the title last (enums have
        # none from pydantic).
        if "default" in field_schema and "description" in field_schema:
            field_schema["default"] = field_schema.pop("default")
        if "$ref" not in field_schema:  # FastAPI gives a bare reference no title
            field_schema["title"] = field_schema.pop("title", name.replace("_", " ").title())
        parameter = {"name": name, "in": "query", "required": name in required}
        parameter["schema"] = field_schema
        as_comma_list(parameter)
        if "description" in field_schema:
            parameter["description"] = field_schema["description"]
        if field_schema.get("deprecated"):
            parameter["deprecated"] = True
        parameters.append(parameter)
    return {"parameters": parameters}


class _AsFastAPI(GenerateJsonSchema):
    """Keys in the order FastAPI writes them (pydantic sorts a whole model's)."""

    def sort(self, value: JsonSchemaValue, parent_key: str | None = None) -> JsonSchemaValue:
        return value


# Schema name -> its example record, nulls included (the OpenAPI document drops every null
# as FastAPI writes it; `install_openapi` puts these back, so each example is a valid answer).
SHOWN: dict[str, dict[str, Any]] = {}


def shown_as(kind: str, *, without: tuple[str, ...] = ()) -> ConfigDict:
    """A public model's config whose schema shows a real record of `kind` as its example:
    the record as served, kept in app/examples.json (`make examples` writes it again;
    tests/docs/test_examples.py checks it is what the API serves; a kind not recorded yet
    has no example until it is)."""
    record = {k: v for k, v in _examples().get(kind, {}).items() if k not in without}
    if not record:
        return ConfigDict()

    def show(schema: dict[str, Any], model: type) -> None:
        schema["examples"] = [record]
        SHOWN[model.__name__] = record

    return ConfigDict(json_schema_extra=show)


_REFERENCE = re.compile(r'"#/components/schemas/([^"]+)"')


def _add_referenced(
    document: dict[str, Any], schemas: dict[str, Any], known: dict[str, Any]
) -> None:
    """Add to `schemas` those of `known` that the document refers to, and those they refer
    to: only those (the registries are process-wide; another app may have added to them)."""
    while missing := {
        name
        for name in _REFERENCE.findall(json.dumps(document))
        if name in known and name not in schemas
    }:
        schemas.update({name: known[name] for name in missing})


@cache
def _examples() -> dict[str, dict[str, Any]]:
    path = Path(__file__).parents[1] / "examples.json"
    return cast(dict[str, dict[str, Any]], json.loads(path.read_text(encoding="utf-8")))


def install_openapi(app: FastAPI, resources: Iterable[Resource]) -> None:
    """The OpenAPI document as FastAPI makes it, with the schemas that query parameters
    refer to (routes read their parameters in one pass and declare them themselves), the
    record examples with their nulls, and the records of `resources` as `fields=` and
    `include=` shape them."""
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = make()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            _add_referenced(document, schemas, COMPONENTS | ENUMS)
            for name, record in SHOWN.items():
                if name in schemas:
                    schemas[name]["examples"] = [record]
            _shaped_records(document, list(resources))
            refused = refusal_examples()
            for path in document["paths"].values():
                for operation in path.values():
                    _problems_as_sent(operation["responses"], refused)
            document["security"] = []  # public: no operation asks for credentials
            document["components"]["schemas"] = dict(sorted(schemas.items()))
            for path in document["paths"].values():  # parameters before responses, as usual
                for method, operation in path.items():
                    path[method] = dict(
                        sorted(operation.items(), key=lambda i: i[0] == "responses")
                    )
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _shaped_records(document: dict[str, Any], resources: list[Resource]) -> None:
    """The record schemas as `fields=` and `include=` shape records: each relation that
    `include=` can embed holds the related record in full (`XIncluded`, every field there)
    or its reference, and a record answered where `fields=` is taken is sure to have only
    its `slug` (`fields=` picks the rest).

    A generated client tries the members of an `anyOf` in order, so the full record comes
    first: a reference lacks its required fields and falls through to `Ref`, where the
    other order would read a full record as a reference with untyped extras."""
    schemas = document["components"]["schemas"]
    whole = {resource.table: resource.public_model.__name__ for resource in resources}
    for resource in resources:
        record = schemas[resource.public_model.__name__]
        for include in resource.includes.values():
            if include.shows is not None:
                schemas.update(_definitions(include.shows))
                target = include.shows.__name__
            else:
                target = _included(schemas, whole[include.table])
            _embeddable(record["properties"][include.field], target)
    note = "Every field is present unless `fields=` chose others (`slug`, if any, always is)."
    for answered in (o for path in document["paths"].values() for o in path.values()):
        in_json = "application/json" in answered["responses"]["200"].get("content", {})
        if in_json and any(p["name"] == "fields" for p in answered.get("parameters", ())):
            record = schemas[_record_answered(schemas, answered)]
            said = record.get("description", "")
            if note not in said:  # a list and a detail answer the same record
                record["required"] = [name for name in record["required"] if name == "slug"]
                record["description"] = f"{said} {note}".strip()


def _included(schemas: dict[str, Any], name: str) -> str:
    """The name of the whole-record schema of `name` (made on first use), as embedded."""
    included = name.removesuffix("Public") + "Included"
    if included not in schemas:
        schemas[included] = copy.deepcopy(schemas[name]) | {"title": included}
        schemas[included]["description"] = "The whole record, as `include=` embeds it."
    return included


def _record_answered(schemas: dict[str, Any], operation: dict[str, Any]) -> str:
    """The schema name of the record(s) a JSON answer of `operation` holds."""
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    name = answer["$ref"].rsplit("/", 1)[1]
    data = schemas[name]["properties"].get("data")
    return data["items"]["$ref"].rsplit("/", 1)[1] if data else name


def _embeddable(field: dict[str, Any], target: str) -> None:
    """`field`'s reference (a `Ref`, a list of them, or a `Ref` or null) may be `target`."""
    whole = {"$ref": f"#/components/schemas/{target}"}
    if "items" in field:
        field["items"] = {"anyOf": [whole, field["items"]]}
    else:
        members = field["anyOf"]
        field["anyOf"] = [m for ref in members for m in ([whole, ref] if "$ref" in ref else [ref])]


def _definitions(model: type[BaseModel]) -> dict[str, Any]:
    """`model`'s schema and those it refers to, for the document's components."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return {**schema.pop("$defs", {}), model.__name__: schema}


def _problems_as_sent(responses: dict[str, Any], refused: dict[str, Any]) -> None:
    """Each problem response declared as the server sends it: the Problem schema under
    `application/problem+json` (FastAPI puts a model under `application/json`), with a
    real problem of that status as its example."""
    problems = {**_examples()["problems"], "500": _failed(), "410": GONE_EXAMPLE, **refused}
    for status, response in responses.items():
        content = response.get("content", {})
        if PROBLEM_MEDIA_TYPE in content and "application/json" in content:
            content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
            if status in problems:
                content[PROBLEM_MEDIA_TYPE]["example"] = problems[status]


def _failed() -> dict[str, Any]:
    failed = ProblemError(FAILED)
    return {
        "type": PROBLEM_BASE + failed.type,
        "title": failed.title,
        "status": failed.status,
        "detail": FAILED,
        "instance": "/v1/events",
    }
