"""Migrations: the models and the migrations agree, every step runs both ways, and 0005
keeps every CSV line."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from app.core.config import Settings
from app.core.db import make_engine
from app.core.migrations import downgrade, upgrade
from app.models import metadata
from app.search.models import include_in_autogenerate
from seeds.loader import seed


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


class TestMigrations:
    def test_autogenerate_finds_no_difference_between_models_and_migrations(self, empty_url: str):
        upgrade(empty_url)
        engine = create_engine(empty_url)
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": include_in_autogenerate}
            )
            diff = compare_metadata(context, metadata)
        engine.dispose()
        assert diff == []

    def test_upgrade_downgrade_upgrade_round_trip(self, empty_url: str):
        model_tables = set(metadata.tables)
        upgrade(empty_url)
        assert model_tables <= _tables(empty_url)
        downgrade(empty_url, "base")
        assert _tables(empty_url) & model_tables == set()
        upgrade(empty_url)
        assert model_tables <= _tables(empty_url)


def test_the_service_knows_the_newest_migration():
    from alembic.script import ScriptDirectory

    from app.core.migrations import alembic_config
    from app.health.service import HEAD_REVISION

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head == HEAD_REVISION


def test_csv_lines_survive_0005_both_ways(empty_url: str):
    """0005 moves each record's CSV line into `csv_line` and back, line for line."""
    upgrade(empty_url)
    engine = make_engine(Settings(database_url=empty_url))
    seed(engine)
    tables = {"event": "event", "quote": "quote", "area": "cooperation_area"}
    with engine.connect() as conn:
        lines = set(conn.execute(text("SELECT kind, record_id, line FROM csv_line")).all())
    engine.dispose()
    assert {kind for kind, _, _ in lines} >= set(tables)
    downgrade(empty_url, "0004")
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        for kind, table in tables.items():
            query = text(f"SELECT '{kind}', id, csv_row FROM {table}")
            assert set(conn.execute(query).all()) == {r for r in lines if r[0] == kind}
    engine.dispose()
    assert "csv_line" not in _tables(empty_url)
    upgrade(empty_url)
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        assert set(conn.execute(text("SELECT kind, record_id, line FROM csv_line")).all()) == lines
    engine.dispose()
