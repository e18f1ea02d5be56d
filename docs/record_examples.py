"""Write app/examples.json: one real record per resource, exactly as the API serves it,
and a real problem for each error status a request can get.

The OpenAPI document shows these as the examples of each record schema and of each
problem response, so they are always real answers that validate against their schemas.
Usage, on the seeded default database: `make examples` (tests/docs/test_examples.py fails
when the file is stale).
"""

import json
import tempfile
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app

TARGET = Path(__file__).resolve().parents[1] / "app" / "examples.json"
# Record kind -> the record shown: chosen to fill most optional fields.
SHOWN = {
    "event": "/v1/events/ipcp-signing-2014",
    "programme": "/v1/programmes/individually-tailored-partnership-programme-2023",
    "area": "/v1/areas/cyber-defence",
    "quote": "/v1/quotes/abe-security-asia-europe-intertwined-2014",
    "person": "/v1/people/anders-fogh-rasmussen",
    "organisation": "/v1/organisations/nato-emerging-security-challenges-division",
    "source": "/v1/sources/blog-2014-05-07-ipcp-signing",
    # A list: its first item is shown.
    "timeline-year": "/v1/timeline?from=2018&to=2018",
}


# Status -> a request that gets that problem, and its headers.
PROBLEMS = {
    "404": ("/v1/events/no-such-event", {}),
    "406": ("/v1/areas", {"accept": "text/calendar"}),
    "422": ("/v1/events?areas=maritime-security&limit=0", {}),
}


def shown(answer: dict[str, Any]) -> dict[str, Any]:
    """The record an answer shows: itself, or a list's first item."""
    return answer["data"][0] if "data" in answer else answer


def render(client: TestClient) -> str:
    """The file's text: each shown record as served, keyed by kind, and the problems."""
    records: dict[str, object] = {}
    for kind, path in SHOWN.items():
        response = client.get(path)
        response.raise_for_status()
        records[kind] = shown(response.json())
    problems = {}
    for status, (path, headers) in PROBLEMS.items():
        response = client.get(path, headers=headers)
        assert str(response.status_code) == status, (path, response.status_code)
        problems[status] = response.json()
    # The database unavailable: an app on a SQLite file that is not there.
    with tempfile.TemporaryDirectory() as folder:
        missing = Settings(database_url=f"sqlite:///{folder}/missing.db")
        with TestClient(create_app(missing)) as gone:
            problems["503"] = gone.get("/v1/events").json()
    records["problems"] = problems
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    app = create_app(Settings(response_cache_mb=0))
    with TestClient(app) as client:
        TARGET.write_text(render(client), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
