"""Load synthetic data into a dedicated database: refuse, prepare, migrate, fill."""

import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from app.rendering import render_version
from app.search.building import build, index_name
from bench.scale import target, write_postgres, write_sqlite
from bench.scale.dataset import Dataset, version_of
from bench.scale.progress import Progress
from bench.scale.rendering import render_the_rest


@dataclass
class Report:
    version: str
    seconds: float
    size_bytes: int
    rows: dict[str, int] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)
    skipped: bool = False  # `if_missing` found the very dataset already there


def load(
    database_url: str,
    *,
    events: int,
    seed: int = 42,
    fresh: bool = False,
    if_missing: bool = False,
    progress: Progress | None = None,
    search_index_dir: Path | None = None,
) -> Report:
    """Fill `database_url` with the dataset for (events, seed); raise Refused if unsafe."""
    progress = progress or Progress(events, stream=None)
    current = render_version()
    started = time.perf_counter()
    held = target.refuse_unsafe(database_url)
    if if_missing and (held.version, held.render_version) == (version_of(events, seed), current):
        upgrade(database_url)
        search_index(database_url, version_of(events, seed), search_index_dir)
        seconds = time.perf_counter() - started
        size = target.size_bytes(database_url)
        return Report(version_of(events, seed), seconds, size, skipped=True)
    target.prepare(database_url, fresh=fresh)
    with progress.phase("migrate"):
        upgrade(database_url)
    dataset = Dataset(events, seed)
    writer = write_sqlite if target.is_sqlite(database_url) else write_postgres
    writer.write(database_url, dataset, progress)
    with progress.phase("documents"):
        render_the_rest(database_url)
    with progress.phase(
        "ranking index"
    ):  # Tantivy's, for /v1/search ("search index": the database's)
        search_index(database_url, dataset.version, search_index_dir)
    return Report(
        version=dataset.version,
        seconds=time.perf_counter() - started,
        size_bytes=target.size_bytes(database_url),
        rows=dict(progress.rows),
        phases=dict(progress.phases),
    )


def search_index(database_url: str, version: str, directory: Path | None = None) -> None:
    """The search index of the dataset, as the seed loader builds it for curated data
    (in `directory`, by default SEARCH_INDEX_DIR; nothing to do when it is there)."""
    engine = make_engine(Settings(database_url=database_url))
    try:
        with Session(engine) as session:
            directory = directory or Settings().search_index_dir
            build(session, directory, index_name(version, render_version()))
    finally:
        engine.dispose()
