"""The OpenAPI document's record examples are real answers of this API."""

from pathlib import Path

from fastapi.testclient import TestClient

from docs.record_examples import PROBLEMS, SHOWN, TARGET, render, shown

# Record kind -> the schema that shows it.
SCHEMAS = {
    "event": "EventPublic",
    "programme": "ProgrammePublic",
    "area": "AreaPublic",
    "quote": "QuotePublic",
    "person": "PersonPublic",
    "organisation": "OrganisationPublic",
    "source": "SourceDetail",
    "timeline-year": "TimelineYear",
}


class TestRecordExamples:
    def test_the_examples_file_is_what_the_api_serves_now(self, client: TestClient):
        # `make examples` writes it; a change to the data or the records makes it stale.
        assert Path(TARGET).read_text(encoding="utf-8") == render(client)

    def test_each_record_schema_shows_its_record_as_served(self, client: TestClient):
        schemas = client.get("/openapi.json").json()["components"]["schemas"]
        assert set(SCHEMAS) == set(SHOWN)
        for kind, path in SHOWN.items():
            served = shown(client.get(path).json())
            assert schemas[SCHEMAS[kind]]["examples"] == [served], kind

    def test_a_source_in_a_list_is_shown_without_its_text(self, client: TestClient):
        schemas = client.get("/openapi.json").json()["components"]["schemas"]
        (shown,) = schemas["SourcePublic"]["examples"]
        slug = shown["slug"]
        listed = next(
            s for s in client.get("/v1/sources?limit=200").json()["data"] if s["slug"] == slug
        )
        assert shown == listed and "text" not in shown


class TestProblemExamples:
    def test_every_problem_response_is_declared_as_sent_with_its_schema(self, client: TestClient):
        spec = client.get("/openapi.json").json()
        declared = 0
        for path, item in spec["paths"].items():
            for method, operation in item.items():
                for status, response in operation["responses"].items():
                    if not status.startswith(("4", "5")):
                        continue
                    content = response["content"]
                    assert list(content) == ["application/problem+json"], (path, status)
                    schema = content["application/problem+json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Problem"}, (path, status)
                    assert content["application/problem+json"]["example"]["status"] == int(
                        status
                    ), (path, method, status)
                    declared += 1
        assert declared > 40

    def test_each_problem_example_is_what_the_server_answers(self, client: TestClient):
        spec = client.get("/openapi.json").json()
        examples = {
            status: response["content"]["application/problem+json"]["example"]
            for item in spec["paths"].values()
            for operation in item.values()
            for status, response in operation["responses"].items()
            if status in PROBLEMS
        }
        for status, (path, headers) in PROBLEMS.items():
            answer = client.get(path, headers=headers)
            assert answer.status_code == int(status)
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json() == examples[status]
