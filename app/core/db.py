"""Engine construction, and how a request reads the database (`read`)."""

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

import anyio
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, Engine, event, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session, create_engine

from app.core.config import Settings


def ensure_sqlite_directory(database_url: str) -> None:
    """SQLite creates the database file but not its folder (the git-ignored `var/`)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


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
    # to machine code first: ~20 ms spent on a query that then runs in ~55. This
    # service's queries are short and many, so the compilation never pays.
    # Pages and exports join stored text as the bytes the server sends: UTF-8, always.
    connect_args: dict[str, Any] = {"options": "-c jit=off", "client_encoding": "utf8"}
    if "connect_timeout" not in make_url(settings.database_url).query:
        # A server that does not answer fails a connection in 10 s, not the OS's minutes
        # (unless DATABASE_URL says otherwise: `connect_args` would override it).
        connect_args["connect_timeout"] = 10
    engine = create_engine(
        settings.database_url,
        echo=settings.sql_echo,
        pool_pre_ping=True,
        pool_size=10,
        connect_args=connect_args,
    )
    event.listen(engine, "before_cursor_execute", _text_as_bytes)
    return engine


def _text_as_bytes(
    _conn: Any, cursor: Any, _sql: str, _params: Any, context: Any, _many: bool
) -> None:
    # A statement run with the execution option `text_as_bytes` reads `text` columns as
    # their UTF-8 bytes: an export joins stored lines as they come, instead of psycopg
    # decoding each into a str that is then encoded back (81k -> 89-101k rows/s read
    # raw at 1M events, the rest being the server's own work).
    if context is not None and context.execution_options.get("text_as_bytes"):
        cursor.adapters.register_loader("text", bytes_loader())


@cache
def bytes_loader() -> type:
    """A psycopg loader giving `text` values as their UTF-8 bytes."""
    from psycopg.adapt import Loader  # only PostgreSQL engines come here

    class TextAsBytes(Loader):
        def load(self, data: Any) -> bytes:
            return bytes(data)

    return TextAsBytes


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


T = TypeVar("T")


class Sessions:
    """Where requests get their sessions.

    Calling it gives a new session on a pooled connection, for any thread. `held()`
    gives the calling thread a session it keeps, on a connection it keeps: the event
    loop's bounded reads run one after another, never interleaved, so one session
    serves them all and a read skips the pool's checkout and return and the session's
    set-up and close (a first page in-process on SQLite at 1M: 182 -> 148 us).

    The held connection runs each statement on its own (autocommit), so no transaction,
    snapshot or lock outlives a statement, let alone a read: on PostgreSQL a transaction
    would also cost a BEGIN and a ROLLBACK, two more round trips the loop sits through
    (550 -> 470 us, from 800 with a session per read). A bounded read is one statement,
    or with `include=` a few, each seeing the latest committed data; SQLite's driver
    reads that way on every connection already (it opens transactions only to write),
    and the dataset changes only when it is re-seeded, in one transaction. After each
    read the session lets go of the objects it loaded; a read that fails closes it.

    A held connection does not wait for locks (SQLite's busy timeout is 0, PostgreSQL's
    lock timeout 5 ms, its smallest useful value): on the event loop a wait would stall
    every request, so a read that would wait fails at once, `read` does it in the pool,
    and the next second's bounded reads go there too.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._local = threading.local()
        self._held: set[Connection] = set()
        self._lock = threading.Lock()
        self._opener: anyio.CapacityLimiter | None = None  # made on the loop that uses it
        self._busy_until = float("-inf")

    def __call__(self) -> Session:
        return Session(self.engine)

    def holding(self) -> bool:
        """Whether the calling thread has a held connection."""
        return getattr(self._local, "session", None) is not None

    def usable(self) -> bool:
        """Whether bounded reads may run on the held connection now (see `back_off`)."""
        return time.monotonic() >= self._busy_until

    def back_off(self, seconds: float = 1.0) -> None:
        """Send bounded reads to the pool for a while: a read just met a lock (a
        re-seed, a migration), and each meeting costs the loop up to `lock_timeout`."""
        self._busy_until = time.monotonic() + seconds

    async def connect(self) -> None:
        """Give the calling (event loop) thread its held connection. It is opened in a
        worker thread of its own (connecting waits on the network, which must not stall
        the loop, nor queue behind the pool's slow reads), once: the requests that arrive
        meanwhile wait for that one. It raises what connecting raised."""
        pending: asyncio.Future[None] | None = getattr(self._local, "connecting", None)
        if pending is None:
            pending = self._local.connecting = asyncio.ensure_future(self._connect())
        # Shielded: a request given up while it waits leaves the connection to be held.
        await asyncio.shield(pending)

    async def _connect(self) -> None:
        try:
            if self._opener is None:
                self._opener = anyio.CapacityLimiter(1)
            connection = await anyio.to_thread.run_sync(self._open, limiter=self._opener)
            self._local.session = Session(bind=connection)
        finally:
            self._local.connecting = None

    @contextmanager
    def held(self) -> Iterator[Session]:
        session = getattr(self._local, "session", None)
        if session is None:  # a thread with no loop to protect connects where it is
            session = self._local.session = Session(bind=self._open())
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

    def close(self) -> None:
        """Close the connections the threads hold (at shutdown)."""
        with self._lock:
            held, self._held = self._held, set()
        for connection in held:
            _discard(connection)
        self._local = threading.local()

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


def would_wait(exc: DBAPIError) -> bool:
    """Whether the database refused a statement because it would have waited for a lock
    (SQLite's BUSY or LOCKED, PostgreSQL's lock_not_available)."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)
    return getattr(exc.orig, "sqlstate", None) == "55P03"


async def _held_ready(sessions: Sessions) -> bool:
    """Whether the loop has its held connection, connecting it first if need be. A
    failure to connect sends the read to the pool, which tries again and answers for it."""
    if sessions.holding():
        return True
    try:
        await sessions.connect()
    except SQLAlchemyError:
        return False
    return True


async def read(request: Request, work: Callable[[Session], T], *, bounded: bool) -> T:
    """`work(session)` with a session to read with (requests only read): the loop's held one
    for a bounded read, else a new one from the pool, closed afterwards.

    A `bounded` read (an index seek for one page or one record) runs right here, on the
    event loop, on the loop's held connection: a trip through the thread pool costs more
    than such a read, and under load its threads fight the loop for the GIL (a first
    page of 20 events at 1M rows: 0.13x the bare framework's requests/s through the
    pool, 0.8x inline). Anything that may scan (filters, search, counts, facets, other
    orders) goes to the pool, so the loop keeps answering while it runs.

    A bounded read goes to the pool too when the held connection cannot do it: when it
    cannot be opened, when the read would wait for a lock (and for a second after, see
    `Sessions.back_off`), or when the connection was lost (the server restarted; the pool
    checks its connections before handing them out). Reads are safe to repeat.
    """
    sessions: Sessions = request.app.state.sessions
    if bounded and sessions.usable() and await _held_ready(sessions):
        try:
            with sessions.held() as session:
                return work(session)
        except DBAPIError as exc:
            if would_wait(exc):
                sessions.back_off()
            elif not exc.connection_invalidated:
                raise

    def call() -> T:
        with sessions() as session:
            return work(session)

    return await run_in_threadpool(call)
