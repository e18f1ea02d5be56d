"""SQLite and PostgreSQL serve the same hits in the same order with the same ranks: each
builds its own search index from its own database, and the two agree, on the curated
data and on synthetic data."""

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from app.main import create_app
from bench.scale.loader import load
from seeds.loader import seed
from tests.databases import BACKENDS, temporary_database
from tests.support import url, walk

CURATED_QUERIES = [
    "maritime security", "cyber", "tokyo", "disaster relief", '"cyber defence"',
    "exercise -baltic", "japan", "nato OR japan", "piracy", '"rules-based international order"',
]  # fmt: skip
# Words of the synthetic data (bench/scale): areas, places, kinds, verbs.
SYNTHETIC_QUERIES = [
    "maritime security", "cyber", "tokyo", "disaster relief", '"cyber defence"',
    "exercise -baltic", "summit", "training OR exercise", "japan", "relief supplies",
]  # fmt: skip
SYNTHETIC_EVENTS = 1500


def every_hit(client: TestClient, q: str) -> list[tuple[Any, ...]]:
    hits = walk(client, url("/v1/search", q=q, limit=50))  # several pages: cursors too
    return [(h["type"], h["slug"], h["rank"], h["snippet"]) for h in hits]


def served_by_both(
    tmp_path: Path, fill: Callable[[str, Path], None]
) -> Iterator[dict[str, TestClient]]:
    """A client per back-end, each on a database `fill`ed with the same data and with a
    search index folder of its own."""
    with ExitStack() as stack:
        clients = {}
        for backend in BACKENDS:
            url_ = stack.enter_context(temporary_database(backend, tmp_path))
            indexes = tmp_path / f"search-{backend}"
            fill(url_, indexes)
            app = create_app(
                Settings(database_url=url_, response_cache_mb=0, search_index_dir=indexes)
            )
            clients[backend] = stack.enter_context(TestClient(app))
            stack.callback(app.state.engine.dispose)
        yield clients


@pytest.fixture(scope="module")
def curated_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TestClient]]:
    def fill(database_url: str, indexes: Path) -> None:
        upgrade(database_url)
        engine = make_engine(Settings(database_url=database_url))
        seed(engine, search_index_dir=indexes)
        engine.dispose()

    yield from served_by_both(tmp_path_factory.mktemp("curated"), fill)


@pytest.fixture(scope="module")
def synthetic_pair(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, TestClient]]:
    def fill(database_url: str, indexes: Path) -> None:
        load(database_url, events=SYNTHETIC_EVENTS, seed=7, search_index_dir=indexes)

    yield from served_by_both(tmp_path_factory.mktemp("synthetic"), fill)


@pytest.mark.parametrize("q", CURATED_QUERIES)
def test_the_curated_data_gives_the_same_hits_in_the_same_order(
    curated_pair: dict[str, TestClient], q: str
):
    sqlite, postgresql = (every_hit(curated_pair[b], q) for b in BACKENDS)
    assert sqlite, q
    assert sqlite == postgresql


@pytest.mark.parametrize("q", SYNTHETIC_QUERIES)
def test_synthetic_data_gives_the_same_hits_in_the_same_order(
    synthetic_pair: dict[str, TestClient], q: str
):
    sqlite, postgresql = (every_hit(synthetic_pair[b], q) for b in BACKENDS)
    assert sqlite, q
    assert sqlite == postgresql


def test_each_back_end_built_an_index_of_its_own(curated_pair: dict[str, TestClient]):
    for backend, client in curated_pair.items():
        folder = client.app.state.settings.search_index_dir  # type: ignore[attr-defined]
        assert folder.name == f"search-{backend}" and any(folder.iterdir())


def first_pages(client: TestClient, start: str, pages: int) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = []
    next_url: str | None = start
    for _ in range(pages):
        if next_url is None:
            break
        body = client.get(next_url).json()
        hits.extend(body["data"])
        next_url = body["links"]["next"]
    return hits


@pytest.mark.parametrize(
    "filters", [{}, {"type": "events"}, {"type": "events,quotes"}, {"type": "areas,programmes"}]
)
@pytest.mark.parametrize(
    "q", [*SYNTHETIC_QUERIES, "security -maritime", 'cyber OR "japan and nato"']
)
def test_small_pages_walk_the_ranking_that_large_pages_do(
    synthetic_pair: dict[str, TestClient], q: str, filters: dict[str, str]
):
    """A small page is settled from the best few documents (their bound, then their exact
    rank) or, when few match, by ranking every match; a page of 200 from many more: both
    must give the same hits, ranks and order, whatever the filters leave out."""
    client = synthetic_pair["sqlite"]
    large = walk(client, url("/v1/search", q=q, limit=200, **filters))
    small = first_pages(client, url("/v1/search", q=q, limit=3, **filters), pages=15)
    assert small == large[: len(small)]
    ranks = [hit["rank"] for hit in large]
    assert ranks == sorted(ranks, reverse=True)
    if not filters:
        assert len(small) == min(45, len(large)) and large, q


def test_a_walk_by_small_pages_reaches_the_last_hit_in_the_same_order(
    synthetic_pair: dict[str, TestClient],
):
    """Deep pages fetch more than a bound's rounds reach, and are ranked in full instead:
    the walk goes on in the same order."""
    client = synthetic_pair["sqlite"]
    large = walk(client, url("/v1/search", q="japan", limit=200))
    small = walk(client, url("/v1/search", q="japan", limit=3))
    assert len(large) > 400
    assert [(h["type"], h["slug"], h["rank"]) for h in small] == [
        (h["type"], h["slug"], h["rank"]) for h in large
    ]
