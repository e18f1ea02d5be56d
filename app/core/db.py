"""The database: its engine, how a request reads it (`Database.read`), and migrations."""

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

import anyio
from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, Engine, event, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session, create_engine

from app.core.config import PROJECT_ROOT, Settings

T = TypeVar("T")


def make_engine(settings: Settings) -> Engine:
    """Build the engine for the configured database (SQLite file or PostgreSQL)."""
    if settings.is_sqlite:
        ensure_sqlite_directory(settings.database_url)
        engine = create_engine(
            settings.database_url,
            echo=settings.sql_echo,
            connect_args={"check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # PostgreSQL compiles a plan whose estimated cost is high (a ranked search at scale)
    # to machine code first; this service's queries are short and many, so that never
    # pays (docs/performance.md).
    connect_args: dict[str, Any] = {"options": "-c jit=off", "client_encoding": "utf8"}
    if "connect_timeout" not in make_url(settings.database_url).query:
        # A server that does not answer fails a connection in 10 s, not the OS's minutes
        # (unless DATABASE_URL says otherwise: `connect_args` would override it).
        connect_args["connect_timeout"] = 10
    return create_engine(
        settings.database_url,
        echo=settings.sql_echo,
        pool_pre_ping=True,
        pool_size=10,
        connect_args=connect_args,
    )


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


class Database:
    """Where every request gets its session: `await db.read(work, bounded=...)`.

    A bounded read (one page of a list in its default order, one record by slug: an
    index seek) runs right on the event loop, on a connection the loop keeps: a trip
    through the thread pool costs more than such a read. Anything that may scan goes to
    the thread pool, on a pooled session, so the loop keeps answering meanwhile.

    The loop's connection runs each statement on its own (autocommit), so no
    transaction, snapshot or lock outlives a statement; the data changes only when it
    is re-seeded, in one transaction. It never waits for a lock (SQLite's busy timeout
    is 0, PostgreSQL's lock timeout 5 ms): a read that would wait, or that finds the
    connection lost, is done again in the pool, and for the next second bounded reads go
    there too. It is opened in a worker thread, since connecting waits on the network.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._local = threading.local()
        self._held: set[Connection] = set()
        self._lock = threading.Lock()
        self._opener: anyio.CapacityLimiter | None = None  # made on the loop that uses it
        self._busy_until = float("-inf")

    async def read(self, work: Callable[[Session], T], *, bounded: bool) -> T:
        """`work(session)`: on the event loop when `bounded`, else in the thread pool."""
        if bounded and time.monotonic() >= self._busy_until and await self._holding():
            try:
                with self._held_session() as session:
                    return work(session)
            except DBAPIError as exc:
                if _would_wait(exc):
                    self._busy_until = time.monotonic() + 1.0
                elif not exc.connection_invalidated:
                    raise

        def pooled() -> T:
            with Session(self.engine) as session:
                return work(session)

        return await run_in_threadpool(pooled)

    def iterate(self, work: Callable[[Session], Iterator[T]]) -> Iterator[T]:
        """`work(session)`'s items, on a session of its own that lives as long as the
        iteration (an export outlives its request); advanced in worker threads."""
        with Session(self.engine) as session:
            yield from work(session)

    def close(self) -> None:
        """Close the connections the threads hold (at shutdown)."""
        with self._lock:
            held, self._held = self._held, set()
        for connection in held:
            _discard(connection)
        self._local = threading.local()

    async def _holding(self) -> bool:
        """Whether the loop has its connection, opening it first if need be (once: the
        requests arriving meanwhile wait for that one). A failure sends the read to the
        pool, which tries again and answers for it."""
        if getattr(self._local, "session", None) is not None:
            return True
        pending: asyncio.Future[None] | None = getattr(self._local, "connecting", None)
        if pending is None:
            pending = self._local.connecting = asyncio.ensure_future(self._connect())
        try:
            # Shielded: a request given up while it waits leaves the connection to be held.
            await asyncio.shield(pending)
        except SQLAlchemyError:
            return False
        return True

    async def _connect(self) -> None:
        try:
            if self._opener is None:
                self._opener = anyio.CapacityLimiter(1)
            connection = await anyio.to_thread.run_sync(self._open, limiter=self._opener)
            self._local.session = Session(bind=connection)
        finally:
            self._local.connecting = None

    @contextmanager
    def _held_session(self) -> Iterator[Session]:
        session = self._local.session
        try:
            yield session
        except BaseException as exc:
            try:
                session.close()
            finally:  # closing a session on a lost connection may itself raise
                if isinstance(exc, DBAPIError) and exc.connection_invalidated:
                    self._local.session = None  # the server went away: reconnect next time
                    self._release(cast(Connection, session.bind))
            raise
        if session.identity_map:
            session.expunge_all()

    def _open(self) -> Connection:
        connection = self.engine.connect()
        try:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA busy_timeout = 0")
            else:
                connection.exec_driver_sql("SET lock_timeout = '5ms'")
            connection.commit()
            connection.execution_options(isolation_level="AUTOCOMMIT")
        except BaseException:
            _discard(connection)  # half set up: never back to the pool
            raise
        with self._lock:
            self._held.add(connection)
        return connection

    def _release(self, connection: Connection) -> None:
        with self._lock:
            self._held.discard(connection)
        _discard(connection)


def _discard(connection: Connection) -> None:
    # Not returned to the pool: its no-wait setting must not reach a pooled session.
    if not connection.closed:
        connection.invalidate()
        connection.close()


def _would_wait(exc: DBAPIError) -> bool:
    """Whether the database refused a statement because it would have waited for a lock
    (SQLite's BUSY or LOCKED, PostgreSQL's lock_not_available)."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)
    return getattr(exc.orig, "sqlstate", None) == "55P03"


async def database(request: Request) -> Database:
    """The app's `Database` (async: a dependency with no I/O needs no thread)."""
    return cast(Database, request.app.state.database)


DatabaseDep = Annotated[Database, Depends(database)]


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
