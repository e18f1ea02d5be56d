"""The database engine: how it connects (and how long it may wait), what its failures
mean for a request, and the migrations that build its schema."""

import math
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, event, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlalchemy.pool import NullPool
from sqlmodel import Session, create_engine

from app.core.config import PROJECT_ROOT, Settings
from app.core.errors import DatabaseUnavailable


def make_engine(settings: Settings, *, serving: bool = False) -> Engine:
    """Build the engine for the configured database (SQLite file or PostgreSQL). A serving
    engine bounds every wait by `settings.db_timeout` and never creates a SQLite file."""
    timeout = settings.db_timeout
    if settings.is_sqlite:
        url = make_url(settings.database_url)
        connect_args: dict[str, Any] = {"check_same_thread": False}
        if serving and url.database and url.database != ":memory:" and "uri" not in url.query:
            # Never created: a missing file is an outage, not an empty database. `?mode=ro`
            # in DATABASE_URL opens it read-only (the service only reads).
            mode = "ro" if url.query.get("mode") == "ro" else "rw"
            url = url.set(
                database=f"file:{quote(url.database)}", query={"mode": mode, "uri": "true"}
            )
            connect_args["timeout"] = timeout  # a lock is waited on that long
        else:
            ensure_sqlite_directory(settings.database_url)
        pool = {"pool_timeout": timeout} if "timeout" in connect_args else {}  # a file's pool
        engine = create_engine(url, echo=settings.sql_echo, connect_args=connect_args, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # PostgreSQL compiles a plan whose estimated cost is high (a ranked search at scale)
    # to machine code first; this service's queries are short and many, so that never
    # pays (docs/performance.md).
    options = "-c jit=off"
    if serving:
        options += f" -c statement_timeout={round(timeout * 1000)}"
    connect_args = {"options": options, "client_encoding": "utf8"}
    if "connect_timeout" not in make_url(settings.database_url).query:
        # A server that does not answer fails a connection within the bound (libpq's least
        # is 2 s), not the OS's minutes; DATABASE_URL may say otherwise.
        connect_args["connect_timeout"] = max(2, math.ceil(timeout)) if serving else 10
    return create_engine(
        settings.database_url,
        echo=settings.sql_echo,
        pool_pre_ping=True,
        pool_size=10,
        pool_timeout=timeout,
        connect_args=connect_args,
    )


def probe_engine(engine: Engine) -> Engine:
    """An engine on the same database whose connections are opened for one probe and
    closed after it (the pool's may all be taken), and give up connecting after 2 s."""
    connect_args = {} if engine.dialect.name == "sqlite" else {"connect_timeout": 2}
    return create_engine(engine.url, poolclass=NullPool, connect_args=connect_args)


def snapshot(session: Session) -> None:
    """Make the rest of `session`'s reads one snapshot of the database, however long they
    take and whatever is committed meanwhile: REPEATABLE READ on PostgreSQL; on SQLite a
    transaction begun now (its driver would begin none for reads)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    else:
        session.connection().exec_driver_sql("BEGIN")


def ensure_sqlite_directory(database_url: str) -> None:
    """SQLite creates the database file but not its folder (the git-ignored `var/`)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def unavailable(exc: BaseException, timeout: float) -> DatabaseUnavailable | None:
    """The outage `exc` means, as the error a request answers with; None for an error of
    the statement itself."""
    if isinstance(exc, (TimeoutError, SQLAlchemyTimeoutError)):
        return DatabaseUnavailable("timeout", timeout)
    kind = outage(exc) if isinstance(exc, DBAPIError) else None
    return None if kind is None else DatabaseUnavailable(kind, timeout)


def outage(exc: DBAPIError) -> str | None:
    """The kind of outage a driver error means (a key of `OUTAGES`), or None for an error
    of the statement itself."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary in (5, 6):  # BUSY, LOCKED
            return "locked"
        if primary == 9:  # INTERRUPT: by its deadline
            return "slow"
        if primary == 1 and "no such table" in str(orig):
            return "unmigrated"
        return (
            "unreachable" if primary in (10, 11, 14, 26) else None
        )  # I/O, CORRUPT, CANTOPEN, NOTADB
    state = getattr(orig, "sqlstate", None)
    if state == "57014":  # query_canceled: by statement_timeout
        return "slow"
    if state == "55P03":
        return "locked"
    if state == "42P01":  # undefined_table
        return "unmigrated"
    if exc.connection_invalidated or (state or "").startswith(("08", "57P")):
        return "unreachable"  # connection failures, the server shutting down
    if state is None and isinstance(exc, (OperationalError, InterfaceError)):
        return "unreachable"  # refused or lost before the server said anything
    return None


def would_wait(exc: DBAPIError) -> bool:
    """Whether the database refused a statement because it would have waited for a lock
    (SQLite's BUSY or LOCKED, PostgreSQL's lock_not_available)."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)
    return getattr(exc.orig, "sqlstate", None) == "55P03"


# Migrations, for tests and tools. Alembic is imported only here: importing it would cost
# the serving process an eighth of a second at start.


def alembic_config(database_url: str) -> Any:
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(database_url), revision)
