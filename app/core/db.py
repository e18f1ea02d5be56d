"""How a request reads the database (`Database.read`, as the dependency `DatabaseDep`)."""

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, TypeVar, cast

import anyio
from fastapi import Depends, Request
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlmodel import Session

from app.core import deadlines
from app.core.engine import outage, probe_engine, unavailable, would_wait
from app.core.errors import DatabaseUnavailable

T = TypeVar("T")

# Past its bound, a read waits this much more for the server's own statement timeout,
# whose error says the statement was slow, before it says the database did not answer.
GRACE_S = 0.5
# After an outage, seconds in which reads fail at once before one tries again.
RETRY_S = 1.0
# After a read that timed out, how long a probe (`SELECT 1` on a new connection) may take
# before the database is held to be out (or the read's own bound, if that is shorter).
PROBE_S = 2.0
# The longest a read may hold the event loop before it is stopped and done in the pool.
LOOP_LIMIT_S = 0.5


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
    there too; so is a read that takes longer than `LOOP_LIMIT_S`. It is opened in a
    worker thread, since connecting waits on the network.

    Every read ends within `timeout` (and a little grace, for the server's own statement
    timeout to come first), else it raises `DatabaseUnavailable`. After a database that
    could not be reached, or that did not answer a read and then a probe, reads fail at
    once for `RETRY_S`, and then one read tries again, so that an outage costs neither a
    wait nor a thread per request.
    """

    def __init__(self, engine: Engine, *, timeout: float = 5.0) -> None:
        self.engine, self.timeout = engine, timeout
        self._local = threading.local()
        self._held: set[Connection] = set()
        self._lock = threading.Lock()
        self._opener: anyio.CapacityLimiter | None = None  # made on the loop that uses it
        self._busy_until = float("-inf")
        self._down: tuple[float, str] | None = None  # (when to try again, the outage's kind)
        self._trying = False
        self._probing: asyncio.Future[None] | None = None
        self._prober_limiter: anyio.CapacityLimiter | None = None
        self._prober = probe_engine(engine)

    async def read(self, work: Callable[[Session], T], *, bounded: bool) -> T:
        """`work(session)`: on the event loop when `bounded`, else in the thread pool."""
        trying = False
        if self._down is not None:
            again_at, kind = self._down
            if time.monotonic() < again_at or self._trying:
                raise DatabaseUnavailable(kind, self.timeout)
            trying = self._trying = True
        try:
            result = await self._read(work, bounded, time.monotonic() + self.timeout + GRACE_S)
        except DatabaseUnavailable as exc:
            if exc.kind == "unreachable":
                self._down = (time.monotonic() + RETRY_S, exc.kind)
            elif exc.kind == "timeout" and self._probing is None:
                # Busy, or not answering at all? Only a database that fails a probe of its
                # own is an outage to fail fast for: a queue of slow reads is not.
                self._probing = asyncio.ensure_future(self._probe())
            raise
        except Exception:  # the database answered (a 404, say): it is not out
            self._down = None
            raise
        finally:
            if trying:
                self._trying = False
        self._down = None
        return result

    async def _read(self, work: Callable[[Session], T], bounded: bool, deadline: float) -> T:
        try:
            if bounded and time.monotonic() >= self._busy_until and await self._holding(deadline):
                try:
                    # A read here is a seek; one that takes longer is stopped, so that a
                    # server that stops answering holds the loop for at most this long.
                    with self._held_session(time.monotonic() + LOOP_LIMIT_S) as session:
                        return work(session)
                except DBAPIError as exc:
                    kind = outage(exc)
                    if would_wait(exc) or kind == "slow":
                        self._busy_until = time.monotonic() + 1.0  # meanwhile, in the pool
                    elif kind != "unreachable":  # lost: a new one is opened next time
                        raise

            def pooled() -> T:
                with Session(self.engine) as session:
                    raw = session.connection().connection.dbapi_connection
                    with deadlines.deadline(raw, deadline):
                        return work(session)

            # Abandoned when the deadline passes: a thread stuck on a server that does not
            # answer cannot be stopped, and the request must not wait for it.
            return await asyncio.wait_for(
                anyio.to_thread.run_sync(pooled, abandon_on_cancel=True),
                deadline - time.monotonic(),
            )
        except (TimeoutError, SQLAlchemyTimeoutError, DBAPIError) as exc:
            failure = unavailable(exc, self.timeout)
            if failure is None:
                raise
            raise failure from exc

    async def _probe(self) -> None:
        if self._prober_limiter is None:  # its own thread: the shared ones may all be busy
            self._prober_limiter = anyio.CapacityLimiter(1)
        try:
            answering = anyio.to_thread.run_sync(
                self._answers, abandon_on_cancel=True, limiter=self._prober_limiter
            )
            await asyncio.wait_for(answering, min(PROBE_S, self.timeout))
        except (TimeoutError, SQLAlchemyError):
            self._down = (time.monotonic() + RETRY_S, "timeout")
        finally:
            self._probing = None

    def _answers(self) -> None:
        """`SELECT 1` on a connection opened for it (the pool's may all be taken)."""
        with self._prober.connect() as conn:
            raw, by = conn.connection.dbapi_connection, time.monotonic() + PROBE_S
            with deadlines.deadline(raw, by):
                conn.exec_driver_sql("SELECT 1")

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

    async def _holding(self, deadline: float) -> bool:
        """Whether the loop has its connection, opening it first if need be (once: the
        requests arriving meanwhile wait for that one). A failure sends the read to the
        pool, which tries again and answers for it."""
        if getattr(self._local, "session", None) is not None:
            return True
        pending: asyncio.Future[None] | None = getattr(self._local, "connecting", None)
        if pending is None:
            pending = self._local.connecting = asyncio.ensure_future(self._connect())
            pending.add_done_callback(_retrieved)  # its waiters may all have given up
        try:
            # Shielded: a request given up while it waits leaves the connection to be held.
            await asyncio.wait_for(asyncio.shield(pending), deadline - time.monotonic())
        except SQLAlchemyError:
            return False
        return True

    async def _connect(self) -> None:
        try:
            if self._opener is None:
                self._opener = anyio.CapacityLimiter(1)
            connection = await anyio.to_thread.run_sync(self._open, limiter=self._opener)
            self._local.session = Session(bind=connection)
            self._local.raw = connection.connection.dbapi_connection
        finally:
            self._local.connecting = None

    @contextmanager
    def _held_session(self, deadline: float) -> Iterator[Session]:
        session = self._local.session
        try:
            with deadlines.deadline(self._local.raw, deadline):
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


def _retrieved(future: "asyncio.Future[None]") -> None:
    if not future.cancelled():
        future.exception()  # seen: asyncio logs no "exception was never retrieved"


async def database(request: Request) -> Database:
    """The app's `Database` (async: a dependency with no I/O needs no thread)."""
    return cast(Database, request.app.state.database)


DatabaseDep = Annotated[Database, Depends(database)]
