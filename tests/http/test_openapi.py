"""The record schemas say what `fields=` and `include=` do to a record, so that what the
server answers validates against what the document says, whatever a request shapes."""

from typing import Any

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from app.areas import service as areas
from app.events import service as events
from app.organisations import service as organisations
from app.people import service as people
from app.programmes import service as programmes
from app.quotes import service as quotes
from app.sources import service as sources

SHAPED = [
    events.RESOURCE,
    programmes.RESOURCE,
    areas.RESOURCE,
    quotes.RESOURCE,
    people.RESOURCE,
    organisations.RESOURCE,
    sources.RESOURCE,
]


@pytest.fixture(scope="module")
def document(client: TestClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()  # type: ignore[no-any-return]


def valid(document: dict[str, Any], schema: str, value: Any) -> bool:
    """Whether `value` is valid against the named component of `document`."""
    root = {"$ref": f"#/components/schemas/{schema}", "components": document["components"]}
    return bool(jsonschema_rs.validator_for(root).is_valid(value))


def answer_schema(document: dict[str, Any], path: str) -> str:
    """The component a 200 JSON answer of `GET path` is declared with."""
    content = document["paths"][path]["get"]["responses"]["200"]["content"]
    return str(content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1])


class TestFieldsInTheDocument:
    @pytest.mark.parametrize("resource", SHAPED, ids=lambda r: r.plural)
    def test_a_record_is_sure_to_have_only_its_slug(self, document: dict[str, Any], resource):
        record = document["components"]["schemas"][resource.public_model.__name__]
        assert record["required"] == ["slug"]
        assert "fields=" in record["description"]

    @pytest.mark.parametrize("resource", SHAPED, ids=lambda r: r.plural)
    def test_a_sparse_page_and_record_validate_against_their_schemas(
        self, client: TestClient, document: dict[str, Any], resource
    ):
        path = f"/v1/{resource.plural}"
        field = [name for name in resource.public_model.model_fields if name != "slug"][-1]
        page = client.get(path, params={"fields": field, "limit": 3}).json()
        assert [set(record) for record in page["data"]] == [{"slug", field}] * 3
        assert valid(document, answer_schema(document, path), page)
        one = client.get(f"{path}/{page['data'][0]['slug']}", params={"fields": field}).json()
        assert valid(document, answer_schema(document, path + "/{slug}"), one)

    def test_a_sparse_citation_of_a_source_validates(self, client, document: dict[str, Any]):
        path = "/v1/sources/{slug}/citations"
        slug = client.get("/v1/sources?limit=1").json()["data"][0]["slug"]
        page = client.get(f"/v1/sources/{slug}/citations", params={"fields": "start"}).json()
        assert page["data"] and all(set(c) == {"start"} for c in page["data"])
        assert valid(document, answer_schema(document, path), page)

    def test_a_whole_record_still_validates(self, client: TestClient, document: dict[str, Any]):
        page = client.get("/v1/events?limit=5").json()
        assert valid(document, "Envelope_EventPublic_", page)


class TestIncludeInTheDocument:
    @pytest.mark.parametrize("resource", SHAPED, ids=lambda r: r.plural)
    def test_every_include_answers_what_the_schema_says(
        self, client: TestClient, document: dict[str, Any], resource
    ):
        path = f"/v1/{resource.plural}"
        every = ",".join(resource.includes)
        page = client.get(path, params={"include": every} if every else {}).json()
        assert valid(document, answer_schema(document, path), page)

    @pytest.mark.parametrize(
        ("path", "field", "whole"),
        [
            ("/v1/events", "areas", "AreaIncluded"),
            ("/v1/events", "quotes", "QuoteIncluded"),
            ("/v1/quotes", "speaker", "PersonIncluded"),
            ("/v1/programmes", "predecessor", "ProgrammeIncluded"),
            ("/v1/areas", "parent", "AreaIncluded"),
        ],
    )
    def test_an_embedded_record_is_whole_and_a_reference_is_not(
        self, client: TestClient, document: dict[str, Any], path: str, field: str, whole: str
    ):
        """A generated client reads the first member of the `anyOf` that parses: an
        embedded record must be a whole record, and a reference must not pass for one."""
        embedded = _values(client.get(path, params={"include": field, "limit": 200}), field)
        referred = _values(client.get(path, params={"limit": 200}), field)
        assert embedded and referred
        assert all(valid(document, whole, record) for record in embedded)
        assert not any(valid(document, whole, ref) for ref in referred)
        assert all(valid(document, "Ref", ref) for ref in referred)
        member = document["components"]["schemas"][path.split("/")[-1][:-1].title() + "Public"]
        declared = member["properties"][field]
        first = (declared.get("items") or declared)["anyOf"][0]
        assert first == {"$ref": f"#/components/schemas/{whole}"}

    def test_a_citation_in_context_is_typed_and_a_plain_one_is_not_taken_for_it(
        self, client: TestClient, document: dict[str, Any]
    ):
        shown = _values(client.get("/v1/events?include=citations&limit=5"), "citations")
        plain = _values(client.get("/v1/events?limit=5"), "citations")
        assert shown and all(valid(document, "CitationInContext", c) for c in shown)
        assert {"source_title", "context_before", "context_after"} <= set(shown[0])
        assert not any(valid(document, "CitationInContext", c) for c in plain)


def _values(response: Any, field: str) -> list[Any]:
    """Every non-null value of `field` (list items one by one) in a page's records."""
    assert response.status_code == 200, response.text
    found: list[Any] = []
    for record in response.json()["data"]:
        value = record[field]
        found += value if isinstance(value, list) else [value] if value is not None else []
    return found
