"""The OpenAPI document's record examples are real answers of this API."""

from pathlib import Path

from fastapi.testclient import TestClient

from docs.record_examples import SHOWN, TARGET, render

# Record kind -> the schema that shows it.
SCHEMAS = {
    "event": "EventPublic",
    "programme": "ProgrammePublic",
    "area": "AreaPublic",
    "quote": "QuotePublic",
    "person": "PersonPublic",
    "organisation": "OrganisationPublic",
    "source": "SourceDetail",
}


class TestRecordExamples:
    def test_the_examples_file_is_what_the_api_serves_now(self, client: TestClient):
        # `make examples` writes it; a change to the data or the records makes it stale.
        assert Path(TARGET).read_text(encoding="utf-8") == render(client)

    def test_each_record_schema_shows_its_record_as_served(self, client: TestClient):
        schemas = client.get("/openapi.json").json()["components"]["schemas"]
        assert set(SCHEMAS) == set(SHOWN)
        for kind, path in SHOWN.items():
            served = client.get(path).json()
            assert schemas[SCHEMAS[kind]]["examples"] == [served], kind

    def test_a_source_in_a_list_is_shown_without_its_text(self, client: TestClient):
        schemas = client.get("/openapi.json").json()["components"]["schemas"]
        (shown,) = schemas["SourcePublic"]["examples"]
        slug = shown["slug"]
        listed = next(
            s for s in client.get("/v1/sources?limit=200").json()["data"] if s["slug"] == slug
        )
        assert shown == listed and "text" not in shown
