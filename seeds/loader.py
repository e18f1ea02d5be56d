"""Seed a database: verify everything first, then write it all or nothing."""

from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlmodel import Session

from app.core.config import Settings
from app.core.models import DatasetVersion
from app.rendering import is_current, rebuild, render_version
from app.search.building import build, index_name
from seeds.errors import SeedError
from seeds.plan import build_plan
from seeds.releases import documents, record_release
from seeds.writing import Report, apply_plan

SEED_LOCK = 0x4E4A5345  # an arbitrary, fixed advisory-lock key for seeding


def seed(
    engine: Engine,
    *,
    data_dir: Path | None = None,
    sources_dir: Path | None = None,
    check: bool = False,
    search_index_dir: Path | None = None,
) -> Report:
    """Load the curated dataset into `engine`'s database, recording a release when the
    data changed (or when none was ever recorded).

    With `check=True` the changes are computed (and the database's constraints exercised)
    inside a transaction that is rolled back, so nothing is written. Otherwise the search
    index of the version it commits is built first (under `search_index_dir`, by default
    SEARCH_INDEX_DIR), so that search answers from the moment the version is visible.
    """
    plan = build_plan(data_dir, sources_dir)
    if "dataset_version" not in inspect(engine).get_table_names():
        raise SeedError(str(engine.url), "the database has no schema: run `alembic upgrade head`")
    with Session(engine) as session:
        try:
            # Instances starting together seed one after another, not into each other, and
            # each reads what the one before it wrote.
            if engine.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SEED_LOCK})
            else:  # the write lock now, before anything is read
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            before = documents(session)  # to tell what this run changed
            report = apply_plan(session, plan)
            if report.changed or not is_current(session):
                report.rendered, report.indexed = rebuild(session)
            record_release(session, plan, report, before)
            if not check:
                version = session.get(DatasetVersion, 1)
                assert version is not None  # record_release wrote it
                directory = search_index_dir or Settings().search_index_dir
                build(session, directory, index_name(version.version, render_version()))
        except Exception:
            session.rollback()
            raise
        if check:
            session.rollback()
        else:
            session.commit()
    return report
