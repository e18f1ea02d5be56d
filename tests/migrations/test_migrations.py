"""Migrations: the models and the migrations agree, and the history runs both ways.

(That a migrated database seeds is tested in tests/seeds, on the `migrated_engine` fixture.)
"""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app.core.engine import downgrade, upgrade
from app.models import metadata
from app.search.models import include_in_autogenerate


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

    from app.core.engine import alembic_config
    from app.health.service import HEAD_REVISION

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head == HEAD_REVISION
