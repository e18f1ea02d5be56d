"""Fixtures: every database-backed test runs on SQLite and on PostgreSQL."""

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from app.main import create_app
from bench.servers import serve
from seeds.loader import seed
from tests.databases import BACKENDS, temporary_database

# Each test process keeps its search indexes in a folder of its own (servers it starts
# inherit it), removed when it ends: nothing is left under var/.
if "SEARCH_INDEX_DIR" not in os.environ:
    os.environ["SEARCH_INDEX_DIR"] = tempfile.mkdtemp(prefix="nato-japan-search-")
    atexit.register(shutil.rmtree, os.environ["SEARCH_INDEX_DIR"], True)


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def migrated_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to head once per backend and never connected to again: the
    databases tests need are copies of it or of `seeded_template_url` (a copy takes a
    fraction of the time a migration or a seed run does)."""
    with temporary_database(backend, tmp_path_factory.mktemp("migrated")) as url:
        upgrade(url)
        yield url


@pytest.fixture(scope="session")
def seeded_template_url(
    backend: str, migrated_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The curated data seeded once per backend, and never connected to again."""
    directory = tmp_path_factory.mktemp("seeded")
    with temporary_database(backend, directory, like=migrated_url) as url:
        engine = make_engine(Settings(database_url=url))
        seed(engine)
        engine.dispose()
        yield url


@pytest.fixture(scope="session")
def seeded_url(
    backend: str, seeded_template_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database migrated to head and seeded, once per backend; tests only read it."""
    with temporary_database(
        backend, tmp_path_factory.mktemp("db"), like=seeded_template_url
    ) as url:
        yield url


@pytest.fixture(scope="session")
def client(seeded_url: str) -> Iterator[TestClient]:
    """The app on the seeded database, with the answer store off: every request does its
    own work (tests/http/test_answer_store.py tests the store)."""
    app = create_app(Settings(database_url=seeded_url, response_cache_mb=0))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def any_host_client(seeded_url: str) -> Iterator[TestClient]:
    """`client`, but with ALLOWED_HOSTS=*: links name whatever host the request did (the
    tests of how links and tags follow the Host header)."""
    settings = Settings(database_url=seeded_url, response_cache_mb=0, allowed_hosts="*")
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def live_url(seeded_url: str) -> Iterator[str]:
    """The base URL of the service under uvicorn on loopback, serving the seeded database
    (for what only a real server shows: clients, timeouts, property-based runs)."""
    env = {"DATABASE_URL": seeded_url}
    with serve("app.main:create_app", workers=1, env=env, ready_path="/readyz") as server:
        yield server.base_url


@pytest.fixture(scope="module")
def engine(seeded_url: str) -> Iterator[Engine]:
    """An engine on the seeded database, for tests that call services directly."""
    engine = make_engine(Settings(database_url=seeded_url))
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture
def empty_url(backend: str, tmp_path: "pytest.TempPathFactory") -> Iterator[str]:
    """A brand-new database with no schema, dropped after the test."""
    with temporary_database(backend, tmp_path) as url:  # type: ignore[arg-type]
        yield url


@pytest.fixture
def migrated_engine(backend: str, migrated_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A new database migrated to head and not seeded."""
    with temporary_database(backend, tmp_path, like=migrated_url) as url:
        engine = make_engine(Settings(database_url=url))
        yield engine
        engine.dispose()


@pytest.fixture
def seeded_engine(backend: str, seeded_template_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A new database migrated to head and seeded with the curated data, for a test to
    change."""
    with temporary_database(backend, tmp_path, like=seeded_template_url) as url:
        engine = make_engine(Settings(database_url=url))
        yield engine
        engine.dispose()


@pytest.fixture(scope="session")
def source_texts(client: TestClient) -> dict[str, str]:
    """Each source's verbatim text as the API serves it, by slug."""
    listed = client.get("/v1/sources?limit=200").json()["data"]
    return {s["slug"]: client.get(f"/v1/sources/{s['slug']}").json()["text"] for s in listed}
