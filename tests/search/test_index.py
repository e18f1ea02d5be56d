"""The search index's life: built by the seed loader for the version it commits, built
by the service when it is missing (503 and not ready meanwhile), built once however many
processes ask at the same time, and followed to a new version without a restart."""

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from app.core.models import DatasetVersion
from app.main import create_app
from app.rendering import render_version
from app.search.building import build, index_name, is_built
from seeds.loader import seed
from seeds.reading import SEEDS_DIR
from tests.databases import temporary_database
from tests.support import assert_problem, url


def version_of(database_url: str) -> str:
    engine = make_engine(Settings(database_url=database_url))
    with Session(engine) as session:
        version = session.execute(select(DatasetVersion.version)).scalar_one()
    engine.dispose()
    return version


def test_the_seed_loader_builds_the_index_of_the_version_it_commits(seeded_url: str):
    folder = Settings().search_index_dir
    assert is_built(folder / index_name(version_of(seeded_url), render_version()))


def wait_until_ready(client: TestClient, seconds: float = 60) -> None:
    until = time.monotonic() + seconds
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < until, client.get("/readyz").json()
        time.sleep(0.2)


def test_a_missing_index_is_built_by_the_service_which_is_not_ready_meanwhile(
    seeded_url: str, tmp_path: Path
):
    settings = Settings(database_url=seeded_url, response_cache_mb=0, search_index_dir=tmp_path)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        first = client.get(url("/v1/search", q="cyber"))
        if first.status_code == 503:  # the usual case: the build takes longer than a request
            assert_problem(first, 503)
            assert first.headers["retry-after"] == "5"
            assert "search index" in first.json()["detail"]
        wait_until_ready(client)
        answer = client.get(url("/v1/search", q="cyber"))
        assert answer.status_code == 200 and answer.json()["data"]
    app.state.engine.dispose()
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == [
        index_name(version_of(seeded_url), render_version())
    ]


def test_readiness_names_the_missing_index(seeded_url: str, tmp_path: Path):
    settings = Settings(database_url=seeded_url, search_index_dir=tmp_path / "none")
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/readyz")
        if response.status_code == 503:
            assert "search index" in assert_problem(response, 503)["detail"]
        wait_until_ready(client)
    app.state.engine.dispose()


def test_processes_building_at_once_build_one_index(seeded_url: str, tmp_path: Path):
    name = index_name(version_of(seeded_url), render_version())
    engine = make_engine(Settings(database_url=seeded_url))
    built: list[Path] = []

    def builder() -> None:
        with Session(engine) as session:
            built.append(build(session, tmp_path, name))

    threads = [threading.Thread(target=builder) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    engine.dispose()
    assert built == [tmp_path / name] * 3 and is_built(tmp_path / name)
    leftovers = [p.name for p in tmp_path.iterdir() if ".building-" in p.name]
    assert leftovers == []


@pytest.fixture
def reseedable(backend: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A database of its own, and a copy of the curated files to edit."""
    data = tmp_path / "data"
    shutil.copytree(SEEDS_DIR / "data", data)
    with temporary_database(backend, tmp_path) as database_url:
        upgrade(database_url)
        yield database_url, data


def test_a_new_version_is_searched_without_a_restart(reseedable: tuple[str, Path], tmp_path: Path):
    database_url, data = reseedable
    engine = make_engine(Settings(database_url=database_url))
    seed(engine, data_dir=data, search_index_dir=tmp_path / "indexes")
    settings = Settings(
        database_url=database_url,
        response_cache_mb=0,
        data_version_ttl=0,
        search_index_dir=tmp_path / "indexes",
    )
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get(url("/v1/search", q="zanzibar")).json()["data"] == []
        events = yaml.safe_load((data / "events.yaml").read_text(encoding="utf-8"))
        events[0]["title"] += " (Zanzibar)"
        (data / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), "utf-8")
        seed(engine, data_dir=data, search_index_dir=tmp_path / "indexes")
        hits = client.get(url("/v1/search", q="zanzibar")).json()["data"]
        assert [h["slug"] for h in hits] == [events[0]["slug"]]
    app.state.engine.dispose()
    engine.dispose()
