"""Liveness and readiness."""

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.main import create_app


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
        app = create_app(Settings(database_url=empty_url))
        with TestClient(app) as client:
            response = client.get("/readyz")
        assert response.status_code == 503
        assert "not head" in response.json()["detail"]
