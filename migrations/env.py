"""Alembic environment: the URL comes from the app's settings, the schema from app.models."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool, text

from app.core.config import get_settings
from app.core.engine import ensure_sqlite_directory
from app.models import metadata
from app.search.models import include_in_autogenerate

config = context.config
MIGRATION_LOCK = 0x4E4A4D47  # an arbitrary, fixed advisory-lock key for migrating
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name)

# A caller (tests, the seed CLI) may pass a URL in; otherwise DATABASE_URL decides.
url = config.attributes.get("database_url") or get_settings().database_url
config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
ensure_sqlite_directory(url)


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=metadata,
        # SQLite cannot ALTER most things in place; batch mode rebuilds tables instead.
        render_as_batch=url.startswith("sqlite"),
        compare_type=True,
        include_object=include_in_autogenerate,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # Instances starting together migrate one after another; the later ones find
            # the schema at head and do nothing.
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            conn.commit()
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
