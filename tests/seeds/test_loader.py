"""The seed loader: proven offsets, idempotency, atomicity and precise error messages."""

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, MetaData, select, text

from app.citations.models import Citation
from app.core.models import DatasetVersion
from app.models import metadata
from app.sources.models import Source
from seeds import writing
from seeds.errors import SeedError
from seeds.loader import seed
from seeds.reading import SEEDS_DIR


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for comparing a database before and after."""
    with engine.connect() as conn:
        return {
            name: sorted(tuple(map(repr, row)) for row in conn.execute(table.select()))
            for name, table in MetaData().tables.items() | metadata.tables.items()
        }


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the curated files that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(SEEDS_DIR / "data", target)
    return target


def edit(path: Path, slug: str, **changes: object) -> None:
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = next(r for r in records if r["slug"] == slug)
    record.update(changes)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def first_slug(path: Path) -> str:
    return str(yaml.safe_load(path.read_text(encoding="utf-8"))[0]["slug"])


class TestSeed:
    def test_first_run_creates_every_record_and_every_citation_matches_its_offsets(
        self, migrated_engine: Engine
    ):
        report = seed(migrated_engine)
        assert report.changed
        assert all(c["created"] > 0 for c in report.counts.values())
        with migrated_engine.connect() as conn:
            texts = dict(conn.execute(select(Source.id, Source.text)).all())
            citations = conn.execute(select(Citation)).all()
        assert citations
        for c in citations:
            assert texts[c.source_id][c.start_offset : c.end_offset] == c.evidence

    def test_second_run_changes_nothing_and_says_so(self, seeded_engine: Engine):
        before = snapshot(seeded_engine)
        report = seed(seeded_engine)
        assert not report.changed
        assert all(
            c["created"] == c["updated"] == c["deleted"] == 0 for c in report.counts.values()
        )
        assert snapshot(seeded_engine) == before

    def test_the_same_files_read_from_another_path_change_nothing(
        self, seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
    ):
        before = snapshot(seeded_engine)
        monkeypatch.chdir(SEEDS_DIR.parent)  # `--data-dir seeds/data`, relative
        report = seed(seeded_engine, data_dir=Path("seeds/data"))
        assert not report.changed
        assert snapshot(seeded_engine) == before  # the version and seeded_at included

    def test_check_validates_and_writes_nothing(self, migrated_engine: Engine):
        before = snapshot(migrated_engine)
        report = seed(migrated_engine, check=True)
        assert report.counts["event"]["created"] > 0
        assert snapshot(migrated_engine) == before

    def test_edited_and_removed_records_are_counted_as_updated_and_deleted(
        self, seeded_engine: Engine, data_dir: Path
    ):
        events = data_dir / "events.yaml"
        edit(events, first_slug(events), summary="A corrected summary.")
        records = yaml.safe_load(events.read_text(encoding="utf-8"))
        removed = records[-1]["slug"]
        events.write_text(yaml.safe_dump(records[:-1], allow_unicode=True), encoding="utf-8")
        report = seed(seeded_engine, data_dir=data_dir)
        assert report.counts["event"]["updated"] == 1
        assert report.counts["event"]["deleted"] == 1
        with seeded_engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM event WHERE slug = :s"), {"s": removed}
                ).scalar()
                == 0
            )
            version = conn.execute(select(DatasetVersion.version)).scalar_one()
        assert version == report.version


class TestAtomicity:
    def test_a_broken_dataset_leaves_the_database_exactly_as_it_was(
        self, seeded_engine: Engine, data_dir: Path
    ):
        before = snapshot(seeded_engine)
        events = data_dir / "events.yaml"
        edit(events, first_slug(events), summary="A change that must not land.")
        quotes = data_dir / "quotes.yaml"
        edit(quotes, first_slug(quotes), text="words nobody ever said")
        with pytest.raises(SeedError):
            seed(seeded_engine, data_dir=data_dir)
        assert snapshot(seeded_engine) == before

    def test_a_failure_while_writing_rolls_everything_back(
        self, seeded_engine: Engine, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ):
        before = snapshot(seeded_engine)
        edit(data_dir / "events.yaml", first_slug(data_dir / "events.yaml"), summary="Changed.")
        real_write = writing._write

        def failing_write(session, kind, ids, slug, wanted):  # type: ignore[no-untyped-def]
            real_write(session, kind, ids, slug, wanted)
            if kind == "event":
                raise RuntimeError("disk full")

        monkeypatch.setattr(writing, "_write", failing_write)
        with pytest.raises(RuntimeError):
            seed(seeded_engine, data_dir=data_dir)
        assert snapshot(seeded_engine) == before


class TestConcurrentStarts:
    def test_two_seeders_at_once_take_turns(self, migrated_engine: Engine):
        # PostgreSQL: an advisory lock; SQLite: the write lock, taken before any read.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            reports = list(pool.map(lambda _: seed(migrated_engine), range(2)))
        changed = sorted(r.changed for r in reports)
        assert changed == [False, True]  # one loaded the data, the other found it loaded
        with migrated_engine.connect() as conn:
            events = conn.execute(text("SELECT count(*) FROM event")).scalar_one()
        assert (
            events == reports[0].counts["event"]["created"] + reports[1].counts["event"]["created"]
        )
        assert sorted(r.release or 0 for r in reports) == [0, 1]  # one release, not two
