"""Liveness and readiness."""

from datetime import datetime
from email.utils import format_datetime
from importlib.metadata import version

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

import app
from app.core.config import Settings
from app.core.engine import make_engine
from app.health.service import HEAD_REVISION
from app.http import caching
from app.main import create_app
from tests.support import FILES, curated


class TestHealthz:
    def test_alive(self, client: TestClient):
        assert client.get("/healthz").json() == {"status": "ok"}


class TestReadyz:
    def test_ready_when_migrated_and_seeded(self, client: TestClient):
        body = client.get("/readyz").json()
        assert body["status"] == "ready" and len(body["data_version"]) == 64

    def test_not_ready_without_a_dataset(self, migrated_engine: Engine):
        app = create_app(Settings(database_url=migrated_engine.url.render_as_string(False)))
        with TestClient(app) as client:
            response = client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert "no dataset" in response.json()["detail"]

    def test_not_ready_before_migrations(self, empty_url: str):
        with make_engine(Settings(database_url=empty_url)).connect():
            pass  # the database exists (a SQLite file too), with no schema
        app = create_app(Settings(database_url=empty_url))
        with TestClient(app) as client:
            response = client.get("/readyz")
        assert response.status_code == 503
        assert "not head" in response.json()["detail"]


class TestMeta:
    def test_one_version_everywhere(self, client: TestClient):
        meta = client.get("/v1/meta").json()
        assert meta["api_version"] == app.__version__ == version("nato-japan-api")
        assert client.get("/openapi.json").json()["info"]["version"] == app.__version__

    def test_it_names_the_dataset_the_answers_come_from(self, client: TestClient):
        response = client.get("/v1/meta")
        meta = response.json()
        dataset = meta["dataset"]
        assert dataset["version"] == client.get("/readyz").json()["data_version"]
        assert meta["schema_revision"] == HEAD_REVISION
        seeded = datetime.fromisoformat(dataset["seeded_at"])
        assert (
            format_datetime(seeded.replace(microsecond=0), usegmt=True)
            == response.headers["last-modified"]
        )

    def test_it_counts_the_records_of_every_resource(self, client: TestClient):
        counts = client.get("/v1/meta").json()["dataset"]["counts"]
        assert list(counts) == [*FILES]
        for resource, count in counts.items():
            assert count == len(curated(resource)), resource
            assert client.get(f"/v1/{resource}?count=true&limit=1").json()["meta"]["count"] == count

    def test_not_ready_without_a_dataset_is_a_503_to_retry(self, migrated_engine: Engine):
        with TestClient(
            create_app(Settings(database_url=migrated_engine.url.render_as_string(False)))
        ) as empty:
            response = empty.get("/v1/meta")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["retry-after"] == "5"
        assert "python -m seeds" in response.json()["detail"]

    def test_a_new_version_of_the_service_changes_every_etag(
        self, client: TestClient, monkeypatch: pytest.MonkeyPatch
    ):
        before = client.get("/v1/events?limit=1").headers["etag"]
        monkeypatch.setattr(caching, "__version__", "9.9.9")
        after = client.get("/v1/events?limit=1", headers={"If-None-Match": before})
        assert after.status_code == 200 and after.headers["etag"] != before
