"""What a seed run records as a release, beyond tests/releases' three-release history:
a rendering change alone, data that comes back to an earlier state, and a database
seeded before releases were kept (SQLite and PostgreSQL)."""

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, delete, select, text, update
from sqlmodel import Session, col

from app.core.models import DatasetVersion
from app.core.releases import Change, Release, whereabouts
from app.events.models import Event
from app.quotes.models import Quote
from seeds.loader import seed
from seeds.reading import SEEDS_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SEEDS_DIR / "data", target)
    return target


def edit(data: Path, file: str, change: Callable[[list[dict[str, Any]]], Any]) -> None:
    path = data / file
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def current_version(engine: Engine) -> str:
    with Session(engine) as session:
        return session.execute(select(DatasetVersion.version)).scalar_one()


def releases(engine: Engine) -> list[Release]:
    with Session(engine) as session:
        return list(session.execute(select(Release).order_by(col(Release.number))).scalars())


def changes(engine: Engine, number: int) -> set[tuple[str, str, str]]:
    with Session(engine) as session:
        query = select(Change).where(Change.release == number)
        return {(c.kind, c.slug, c.action) for c in session.execute(query).scalars()}


def test_a_rendering_change_alone_is_a_release_of_its_own(seeded_engine: Engine):
    # As after a deploy that renders records differently: the stored documents differ
    # from what this code renders, and the data is the same.
    with Session(seeded_engine) as session:
        session.execute(update(DatasetVersion).values(render_version="older"))
        session.execute(
            update(Event).where(col(Event.slug) == "ipcp-signing-2014").values(document="{}")
        )
        session.commit()
    report = seed(seeded_engine)
    assert not report.changed and report.release == 2
    first, second = releases(seeded_engine)
    assert second.version == f"{first.version}.2"  # the same files, other answers
    assert changes(seeded_engine, 2) == {("event", "ipcp-signing-2014", "updated")}
    assert seed(seeded_engine).release is None  # rendered as it was: nothing to record


def test_data_back_to_an_earlier_state_gets_a_version_of_its_own(
    seeded_engine: Engine, data_dir: Path
):
    original = (data_dir / "events.yaml").read_text(encoding="utf-8")
    edit(data_dir, "events.yaml", lambda r: r[0].update(summary="Changed for a while."))
    seed(seeded_engine, data_dir=data_dir)
    (data_dir / "events.yaml").write_text(original, encoding="utf-8")
    assert seed(seeded_engine, data_dir=data_dir).release == 3
    first, second, third = releases(seeded_engine)
    assert third.version == f"{first.version}.3" and second.version != first.version
    with Session(seeded_engine) as session:
        assert session.get(DatasetVersion, 1).version == third.version  # what ETags use


def test_a_database_seeded_before_releases_gets_a_first_release_of_what_it_held(
    seeded_engine: Engine, data_dir: Path
):
    version = current_version(seeded_engine)
    with Session(seeded_engine) as session:  # as a database from before releases
        session.execute(delete(Change))
        session.execute(delete(Release))
        session.commit()
        gone = session.execute(select(Quote.slug).limit(1)).scalar_one()
    edit(data_dir, "quotes.yaml", lambda r: r.remove(next(q for q in r if q["slug"] == gone)))
    report = seed(seeded_engine, data_dir=data_dir)
    first, second = releases(seeded_engine)
    assert (first.version, first.summary["created"]) == (version, sum(first.counts.values()))
    assert report.release == 2 and changes(seeded_engine, 2) >= {("quote", gone, "deleted")}
    with Session(seeded_engine) as session:
        went = whereabouts(session, "quote", Quote, gone)
    assert went is not None and went.gone_in is not None and went.gone_in.number == 2


def test_nothing_changed_on_a_database_from_before_releases_keeps_its_version(
    seeded_engine: Engine,
):
    version = current_version(seeded_engine)
    with Session(seeded_engine) as session:
        session.execute(text("DELETE FROM change"))
        session.execute(text("DELETE FROM release"))
        session.commit()
    report = seed(seeded_engine)
    assert not report.changed and report.release == 1
    assert [(r.number, r.version) for r in releases(seeded_engine)] == [(1, version)]


def test_a_renamed_record_deleted_later_is_gone_saying_so(seeded_engine: Engine, data_dir: Path):
    old = yaml.safe_load((data_dir / "quotes.yaml").read_text(encoding="utf-8"))[0]["slug"]
    edit(data_dir, "quotes.yaml", lambda r: r[0].update(slug=f"{old}-new", formerly=[old]))
    seed(seeded_engine, data_dir=data_dir)
    edit(data_dir, "quotes.yaml", lambda r: r.pop(0))
    seed(seeded_engine, data_dir=data_dir)
    with Session(seeded_engine) as session:
        went = whereabouts(session, "quote", Quote, old)
    assert went is not None and went.moved_to is None and went.gone_in is not None
    assert (
        went.gone_in.number == 3 and went.how == f"renamed to {old + '-new'!r}, which was deleted"
    )
