"""Stored CSV lines: an export streams each record's line as the loader stored it."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, update
from sqlmodel import Session

from app.core.config import Settings
from app.core.db import make_engine
from app.core.documents import CsvLine
from app.core.migrations import upgrade
from app.main import create_app
from app.quotes.models import Quote
from app.rendering import SPECS
from seeds.loader import seed
from tests.support import FILES

MODELS = {spec.plural: spec.public_model for spec in SPECS}


def every_field(resource: str) -> str:
    return ",".join(MODELS[resource].model_fields)


@pytest.mark.parametrize("resource", FILES)
def test_the_stored_lines_are_the_lines_the_records_make(client: TestClient, resource: str):
    stored = client.get(f"/v1/{resource}?format=csv")
    # Naming every field takes the other road: each record's JSON, flattened per request.
    made = client.get(f"/v1/{resource}?format=csv&fields={every_field(resource)}")
    assert stored.status_code == made.status_code == 200
    assert stored.text.count("\r\n") > 1
    assert stored.text == made.text


@pytest.fixture
def seeded_then_lines_dropped(empty_url: str) -> Iterator[TestClient]:
    upgrade(empty_url)
    engine = make_engine(Settings(database_url=empty_url))
    seed(engine)
    app = create_app(Settings(database_url=empty_url, response_cache_mb=0))
    with TestClient(app) as client:
        client.before = {  # type: ignore[attr-defined]
            path: client.get(path).text
            for path in ("/v1/events?format=csv", "/v1/quotes?format=csv")
        }
        with Session(engine) as session:  # a database written by other means: no lines
            session.execute(
                delete(CsvLine).where(CsvLine.kind == "event", CsvLine.record_id % 2 == 0)
            )
            session.execute(delete(CsvLine).where(CsvLine.kind == "quote"))
            session.execute(update(Quote).values(document=None))
            session.commit()
        yield client
    app.state.engine.dispose()
    engine.dispose()


def test_a_record_without_a_stored_line_is_exported_from_its_json(
    seeded_then_lines_dropped: TestClient,
):
    client = seeded_then_lines_dropped
    for path, before in client.before.items():  # type: ignore[attr-defined]
        # A new query string: the ETag covers the data version, which did not change.
        assert client.get(path + "&count=false").text == before
