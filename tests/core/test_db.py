"""`app.core.db`: the engine's per-connection settings, and `Database`, where every request
reads: a bounded read on the event loop (on a connection the loop keeps), anything else in
the thread pool; `iterate` for exports; `close` at shutdown.

Everything here goes through the public surface (`Database.read`, `Database.iterate`,
`Database.close`, `make_engine`, HTTP requests) and what the database server, the DBAPI
connection or SQLAlchemy's session say about themselves. `upgrade`/`downgrade` are
tested in tests/migrations.
"""

import asyncio
import sqlite3
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import httpx
import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, event, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from app.areas.models import CooperationArea
from app.core.config import Settings
from app.core.db import Database, database
from app.core.engine import ensure_sqlite_directory, make_engine
from app.core.errors import NotFound
from app.events.models import Event
from app.main import create_app
from tests.databases import ADMIN_URL

T = TypeVar("T")
BASE = "http://testserver"
EVENT = "/v1/events/ipcp-signing-2014"


# --- helpers -------------------------------------------------------------------------


async def read_where(database: Database, work: Callable[[Session], T], bounded: bool) -> Any:
    """`database.read(work)`: its result, and whether `work` ran on the event loop's thread
    (else it ran in a worker thread)."""
    loop_thread = threading.current_thread()
    ran_in: list[threading.Thread] = []

    def recording(session: Session) -> T:
        ran_in.append(threading.current_thread())
        return work(session)

    result = await database.read(recording, bounded=bounded)
    return result, ran_in[-1] is loop_thread


def read(database: Database, work: Callable[[Session], T], *, bounded: bool) -> Any:
    """`read_where` on an event loop in this thread (the same thread each time, as a
    server's loop is)."""
    return asyncio.run(read_where(database, work, bounded))


def read_on_app_loop(client: TestClient, work: Callable[[Session], T]) -> Any:
    """A bounded read by the app's `Database`, on the app's event loop."""
    assert client.portal is not None
    database: Database = client.app.state.database  # type: ignore[attr-defined]

    async def on_loop() -> Any:
        return await read_where(database, work, True)

    return client.portal.call(on_loop)


def dbapi(session: Session) -> Any:
    """The DBAPI connection the session reads on."""
    return session.connection().connection.dbapi_connection


def no_wait_setting(session: Session, backend: str) -> Any:
    """How long this connection waits for a lock (SQLite in ms, PostgreSQL as shown)."""
    setting = "PRAGMA busy_timeout" if backend == "sqlite" else "SHOW lock_timeout"
    return session.execute(text(setting)).scalar()


def in_server_transaction(raw: Any, backend: str) -> bool:
    if backend == "sqlite":
        return bool(raw.in_transaction)
    return bool(raw.info.transaction_status.name != "IDLE")


def autocommits(raw: Any, backend: str) -> bool:
    """Whether the driver runs each statement on its own (it never BEGINs)."""
    return raw.isolation_level is None if backend == "sqlite" else bool(raw.autocommit)


def is_closed(raw: Any, backend: str) -> bool:
    if backend == "sqlite":
        try:
            raw.cursor()
        except sqlite3.ProgrammingError:
            return True
        return False
    return bool(raw.closed)


@contextmanager
def other_connection(url: str) -> Iterator[Connection]:
    """Another client of the same database."""
    engine = make_engine(Settings(database_url=url))
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def lose(raw: Any, backend: str, url: str) -> None:
    """The connection goes away under its holder: PostgreSQL's server ends it; SQLite's
    connection is closed under it (SQLite has no server to restart)."""
    if backend == "sqlite":
        raw.close()
        return
    with other_connection(url) as other:
        ended = other.execute(
            text("SELECT pg_terminate_backend(:pid, 1000)"), {"pid": raw.info.backend_pid}
        ).scalar()
    assert ended


def locks_at_once(url: str, backend: str) -> None:
    """Another client takes, without waiting, the lock a re-seed would take; it fails if
    a reader still holds a lock (or a transaction) on `event`."""
    with other_connection(url) as other:
        if backend == "sqlite":  # a writer takes the whole file
            other.exec_driver_sql("PRAGMA busy_timeout = 0")
            other.exec_driver_sql("BEGIN EXCLUSIVE")
        else:
            other.exec_driver_sql("LOCK TABLE event IN ACCESS EXCLUSIVE MODE NOWAIT")
        other.rollback()


@contextmanager
def table_locked(url: str, backend: str) -> Iterator[Callable[[], None]]:
    """Another client holds a lock that keeps readers of `event` waiting (SQLite: the whole
    file, exclusively; PostgreSQL: the table, ACCESS EXCLUSIVE); yields `release`."""
    engine = make_engine(Settings(database_url=url))
    connection = engine.connect()
    # Taking it waits at most 2 s for a reader that holds a lock: the test fails, not hangs.
    if backend == "sqlite":
        connection.exec_driver_sql("PRAGMA busy_timeout = 2000")
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
    else:
        connection.exec_driver_sql("SET lock_timeout = '2s'")
        connection.exec_driver_sql("LOCK TABLE event IN ACCESS EXCLUSIVE MODE")
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            connection.rollback()

    # Released by the test, or after 3 s whatever happens: a loop that blocked on the lock
    # could not release it itself, and the test must fail rather than hang.
    backstop = threading.Timer(3.0, release)
    backstop.start()
    try:
        yield release
    finally:
        backstop.cancel()
        release()
        connection.close()
        engine.dispose()


async def while_locked(release: Callable[[], None], asking: Any) -> tuple[int, bool, Any]:
    """Await `asking` while a coroutine ticks every 10 ms; the lock is released after
    0.3 s. Gives how often the loop ticked meanwhile, whether `asking` was still
    waiting then, and its result."""
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(ticker())
    asked = asyncio.ensure_future(asking)
    await asyncio.sleep(0.3)
    ticked, waiting = ticks, not asked.done()
    await to_thread.run_sync(release)
    try:
        return ticked, waiting, await asked
    finally:
        ticking.cancel()


def count_events(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Event)).scalar_one()


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture
def fresh_engine(seeded_url: str) -> Iterator[Engine]:
    """An engine of this test's own on the seeded database (its events are the test's)."""
    engine = make_engine(Settings(database_url=seeded_url))
    yield engine
    engine.dispose()


@pytest.fixture
def db(fresh_engine: Engine) -> Iterator[Database]:
    db = Database(fresh_engine)
    yield db
    db.close()


@pytest.fixture
def app_client(seeded_url: str) -> Iterator[TestClient]:
    """A new app on the seeded database; no answer store: every request reads."""
    app = create_app(Settings(database_url=seeded_url, response_cache_mb=0))
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


# --- make_engine ---------------------------------------------------------------------


class TestMakeEngine:
    def test_each_connection_gets_its_backends_settings(self, empty_url: str, backend: str):
        engine = make_engine(Settings(database_url=empty_url))
        with engine.connect() as conn:
            if backend == "sqlite":
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            else:  # short queries never repay PostgreSQL's JIT compilation
                assert conn.execute(text("SHOW jit")).scalar() == "off"
                assert conn.execute(text("SHOW client_encoding")).scalar() == "UTF8"
        engine.dispose()

    @pytest.mark.parametrize(("query", "timeout"), [("", "10"), ("?connect_timeout=3", "3")])
    def test_a_postgresql_connection_gives_up_after_10_s_unless_the_url_says(
        self, query: str, timeout: str
    ):
        engine = make_engine(Settings(database_url=ADMIN_URL + query))
        with engine.connect() as conn:
            parameters = conn.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
        engine.dispose()
        assert parameters["connect_timeout"] == timeout

    def test_a_sqlite_file_gets_its_folder(self, tmp_path: Path):
        ensure_sqlite_directory(f"sqlite:///{tmp_path / 'a' / 'b' / 'x.db'}")
        assert (tmp_path / "a" / "b").is_dir()
        ensure_sqlite_directory("sqlite:///:memory:")  # nothing to make
        ensure_sqlite_directory(f"postgresql+psycopg://u@h/{tmp_path / 'c'}")
        assert not (tmp_path / "c").exists()
        # make_engine makes it too: a new checkout's `var/` need not exist.
        engine = make_engine(Settings(database_url=f"sqlite:///{tmp_path / 'var' / 'n.db'}"))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
        engine.dispose()
        assert (tmp_path / "var" / "n.db").is_file()


# --- Database.read -------------------------------------------------------------------


class TestWhereReadsRun:
    def test_a_bounded_read_runs_on_the_event_loop_thread(self, db: Database):
        main = threading.current_thread()
        result, on_loop = read(db, lambda s: threading.current_thread(), bounded=True)
        assert on_loop and result is main  # asyncio.run runs the loop in this thread

    def test_an_unbounded_read_runs_in_a_worker_thread(self, db: Database):
        main = threading.current_thread()
        result, on_loop = read(db, lambda s: threading.current_thread(), bounded=False)
        assert not on_loop and result is not main

    def test_the_loops_connection_is_opened_in_another_thread(
        self, fresh_engine: Engine, db: Database
    ):
        # Connecting waits on the network: never on the loop.
        opened_in: list[threading.Thread] = []
        event.listen(
            fresh_engine, "connect", lambda *_: opened_in.append(threading.current_thread())
        )

        async def main() -> tuple[threading.Thread, bool]:
            _, on_loop = await read_where(db, lambda s: s.execute(text("SELECT 1")), True)
            return threading.current_thread(), on_loop

        loop_thread, on_loop = asyncio.run(main())
        assert on_loop
        assert len(opened_in) == 1 and opened_in[0] is not loop_thread

    def test_reads_arriving_while_it_is_opened_wait_for_that_one_connection(
        self, fresh_engine: Engine, db: Database
    ):
        opened: list[object] = []
        event.listen(fresh_engine, "connect", lambda raw, _: opened.append(raw))

        async def main() -> list[Any]:
            return await asyncio.gather(*(read_where(db, dbapi, True) for _ in range(3)))

        answers = asyncio.run(main())
        assert len(opened) == 1
        assert all(raw is opened[0] and on_loop for raw, on_loop in answers)

    def test_each_event_loop_thread_keeps_its_own_connection(self, db: Database, backend: str):
        seen: list[Any] = []

        def read_in_this_thread() -> None:
            raw, on_loop = read(db, dbapi, bounded=True)
            assert on_loop
            seen.append(raw)

        read_in_this_thread()
        worker = threading.Thread(target=read_in_this_thread)
        worker.start()
        worker.join()
        assert len(seen) == 2 and seen[0] is not seen[1]
        db.close()  # closes them all, whichever thread opened them
        assert all(is_closed(raw, backend) for raw in seen)


class TestResults:
    @pytest.mark.parametrize("bounded", [True, False])
    def test_the_work_gets_an_open_session_and_its_result_is_returned(
        self, db: Database, seeded_url: str, bounded: bool
    ):
        with other_connection(seeded_url) as other:
            expected = count_events(Session(bind=other))
        assert read(db, count_events, bounded=bounded) == (expected, bounded)
        assert expected > 0

    @pytest.mark.parametrize("bounded", [True, False])
    def test_an_error_the_work_raises_reaches_the_caller_unchanged(
        self, db: Database, bounded: bool
    ):
        raised = NotFound("There is no such event.")
        loaded: list[CooperationArea] = []  # kept alive: the session could not forget them

        def work(session: Session) -> None:
            loaded.extend(session.execute(select(CooperationArea).limit(2)).scalars())
            raise raised

        with pytest.raises(NotFound) as caught:
            read(db, work, bounded=bounded)
        assert caught.value is raised
        # ...and the failed read's session was closed: what it loaded is let go, and the
        # next read reads as before.
        assert len(loaded) == 2 and all(inspect(area).detached for area in loaded)
        assert read(db, lambda s: len(s.identity_map), bounded=bounded) == (0, bounded)

    def test_a_failed_statement_reaches_the_caller_and_the_next_bounded_read_reads(
        self, db: Database
    ):
        with pytest.raises(DBAPIError):
            read(db, lambda s: s.execute(text("SELEC 1")), bounded=True)  # a broken statement
        assert read(db, lambda s: s.execute(text("SELECT 1")).scalar(), bounded=True) == (1, True)


class TestBoundedReads:
    """The loop's connection: kept from one bounded read to the next, in autocommit, never
    waiting for a lock, holding nothing between reads."""

    def test_consecutive_bounded_reads_share_one_session_and_connection(self, db: Database):
        first, _ = read(db, lambda s: (s, dbapi(s)), bounded=True)
        again, _ = read(db, lambda s: (s, dbapi(s)), bounded=True)
        assert again[0] is first[0] and again[1] is first[1]

    def test_unbounded_reads_each_get_a_new_session_closed_in_the_thread_that_read(
        self, fresh_engine: Engine, db: Database
    ):
        returned_in: list[threading.Thread] = []
        event.listen(
            fresh_engine, "checkin", lambda *_: returned_in.append(threading.current_thread())
        )

        def work(session: Session) -> tuple[Session, threading.Thread]:
            session.execute(select(CooperationArea).limit(2)).scalars().all()
            return session, threading.current_thread()

        used = [read(db, work, bounded=False)[0] for _ in range(3)]
        assert len({id(session) for session, _ in used}) == 3
        # Each closed before the read returned, by the thread that did the work.
        assert returned_in == [thread for _, thread in used]
        assert all(not s.in_transaction() and not s.identity_map for s, _ in used)

    def test_objects_a_read_loaded_are_let_go_after_it(self, db: Database):
        loaded, _ = read(
            db, lambda s: s.execute(select(CooperationArea).limit(3)).scalars().all(), bounded=True
        )
        assert len(loaded) == 3
        # Still referenced here, yet no longer tracked by the session the next read gets.
        assert read(db, lambda s: len(s.identity_map), bounded=True) == (0, True)
        assert all(inspect(area).detached for area in loaded)

    def test_a_bounded_read_opens_no_transaction_and_an_unbounded_one_does(
        self, db: Database, backend: str
    ):
        # No BEGIN before the statement and no ROLLBACK after: one round trip, not three.
        def work(session: Session) -> tuple[bool, bool]:
            session.execute(text("SELECT 1"))
            raw = dbapi(session)
            return autocommits(raw, backend), in_server_transaction(raw, backend)

        assert read(db, work, bounded=True) == ((True, False), True)
        autocommit, in_transaction = read(db, work, bounded=False)[0]
        assert not autocommit and in_transaction == (backend == "postgresql")

    @pytest.mark.parametrize("bounded", [True, False])
    def test_no_transaction_or_lock_outlives_a_read(
        self, db: Database, seeded_url: str, backend: str, bounded: bool
    ):
        def work(session: Session) -> Any:
            session.execute(select(Event).limit(3)).scalars().all()
            return dbapi(session)

        raw, _ = read(db, work, bounded=bounded)
        locks_at_once(seeded_url, backend)  # a re-seed is not held up
        if backend == "postgresql":
            with other_connection(seeded_url) as other:
                state = other.execute(
                    text("SELECT state FROM pg_stat_activity WHERE pid = :pid"),
                    {"pid": raw.info.backend_pid},
                ).scalar()
            assert state == "idle"
        else:
            assert not raw.in_transaction

    def test_a_bounded_read_never_waits_for_a_lock_and_an_unbounded_one_does(
        self, db: Database, backend: str
    ):
        held = read(db, lambda s: no_wait_setting(s, backend), bounded=True)[0]
        pooled = read(db, lambda s: no_wait_setting(s, backend), bounded=False)[0]
        assert (held, pooled) == ((0, 5000) if backend == "sqlite" else ("5ms", "0"))

    def test_a_bounded_read_meeting_a_lock_is_redone_in_the_pool_while_the_loop_runs_on(
        self, db: Database, seeded_url: str, backend: str
    ):
        expected, _ = read(db, count_events, bounded=False)
        read(db, count_events, bounded=True)  # the loop's connection is open
        tries: list[bool] = []

        async def scenario(release: Callable[[], None]) -> Any:
            loop_thread = threading.current_thread()

            def work(session: Session) -> int:
                tries.append(threading.current_thread() is loop_thread)
                return count_events(session)

            outcome = await while_locked(release, db.read(work, bounded=True))
            # For a while after, bounded reads go straight to the pool (no stall each).
            _, next_on_loop = await read_where(db, count_events, True)
            return outcome, next_on_loop

        with table_locked(seeded_url, backend) as release:
            (ticked, waiting, answer), next_on_loop = asyncio.run(scenario(release))
        assert waiting and ticked >= 10  # ~30 ticks in 0.3 s; a blocked loop gives 1
        assert answer == expected
        assert tries == [True, False]  # tried on the loop, redone in a worker thread
        assert not next_on_loop


class TestLostConnection:
    def test_a_lost_connection_costs_no_failed_read_and_is_replaced(
        self, db: Database, seeded_url: str, backend: str
    ):
        expected, _ = read(db, count_events, bounded=False)
        (lost, lost_raw), _ = read(db, lambda s: (s.connection(), dbapi(s)), bounded=True)
        lose(lost_raw, backend, seeded_url)
        assert read(db, count_events, bounded=True)[0] == expected
        assert lost.closed  # discarded at once, not kept until shutdown

        def set_up(session: Session) -> tuple[Any, bool, Any]:
            raw = dbapi(session)
            return raw, autocommits(raw, backend), no_wait_setting(session, backend)

        (raw, autocommit, wait), on_loop = read(db, set_up, bounded=True)
        # Back on the loop, on a new connection set up as the first was.
        assert on_loop and raw is not lost_raw
        assert autocommit and wait == (0 if backend == "sqlite" else "5ms")

    def test_a_loop_connection_that_cannot_be_opened_sends_the_read_to_the_pool(
        self, fresh_engine: Engine, db: Database, seeded_url: str
    ):
        with other_connection(seeded_url) as other:
            expected = count_events(Session(bind=other))
        attempts: list[bool] = []  # each connection attempt: whether it was refused

        def refuse_the_first(*_: Any) -> None:
            attempts.append(not attempts)
            if attempts == [True]:
                raise fresh_engine.dialect.loaded_dbapi.OperationalError("server not answering")

        event.listen(fresh_engine, "do_connect", refuse_the_first)
        assert read(db, count_events, bounded=True) == (expected, False)
        assert attempts == [True, False]  # the loop's refused, then the pool's
        # The next bounded read tries again, and is back on the loop.
        assert read(db, count_events, bounded=True) == (expected, True)


class TestClose:
    def test_close_discards_the_loops_connection_and_a_later_read_opens_another(
        self, db: Database, backend: str
    ):
        held, _ = read(db, dbapi, bounded=True)
        db.close()
        assert is_closed(held, backend)
        # Discarded, not pooled: no pooled session gets its no-wait setting.
        pooled = read(db, lambda s: (dbapi(s), no_wait_setting(s, backend)), bounded=False)[0]
        assert pooled[0] is not held and pooled[1] == (5000 if backend == "sqlite" else "0")
        again, on_loop = read(db, dbapi, bounded=True)
        assert on_loop and again is not held and not is_closed(again, backend)


# --- Database.iterate ----------------------------------------------------------------


class TestIterate:
    @pytest.fixture
    def checkouts(self, fresh_engine: Engine) -> list[str]:
        """What the pool saw: "out" when a session took a connection, "in" when it gave
        it back (closed)."""
        seen: list[str] = []
        event.listen(fresh_engine, "checkout", lambda *_: seen.append("out"))
        event.listen(fresh_engine, "checkin", lambda *_: seen.append("in"))
        return seen

    def slugs(self, session: Session) -> Iterator[tuple[str, bool]]:
        for area in session.execute(select(CooperationArea).order_by(col(CooperationArea.slug))):
            yield area[0].slug, session.in_transaction()

    def test_it_yields_the_works_items_on_a_session_open_until_the_end(
        self, db: Database, checkouts: list[str], seeded_url: str
    ):
        slug = col(CooperationArea.slug)
        with other_connection(seeded_url) as other:
            expected = list(other.execute(select(slug).order_by(slug)).scalars())
        items = db.iterate(self.slugs)
        first = next(items)
        assert first == (expected[0], True) and checkouts == ["out"]
        rest = list(items)
        assert [slug for slug, _ in [first, *rest]] == expected
        assert all(open_ for _, open_ in rest)
        assert checkouts == ["out", "in"]  # closed once the iteration ended

    def test_ending_the_iteration_early_closes_the_session(
        self, db: Database, checkouts: list[str]
    ):
        items = cast(Generator[Any, None, None], db.iterate(self.slugs))
        next(items)
        assert checkouts == ["out"]
        items.close()
        assert checkouts == ["out", "in"]

    def test_an_error_in_the_work_closes_the_session_and_reaches_the_caller(
        self, db: Database, checkouts: list[str]
    ):
        raised = NotFound("gone")

        def work(session: Session) -> Iterator[str]:
            yield session.execute(text("SELECT 'one'")).scalar_one()
            raise raised

        items = db.iterate(work)
        assert next(items) == "one"
        with pytest.raises(NotFound) as caught:
            next(items)
        assert caught.value is raised and checkouts == ["out", "in"]


# --- through the app -----------------------------------------------------------------


class TestTheApp:
    """Requests read through the app's `Database` (`DatabaseDep`); its bounded reads
    never make the loop wait, and a lost connection costs no failed request."""

    def test_routes_read_through_the_database_the_dependency_gives(self, seeded_url: str):
        app = create_app(Settings(database_url=seeded_url, response_cache_mb=0))
        asked: list[bool] = []

        class Recording(Database):
            async def read(self, work: Callable[[Session], T], *, bounded: bool) -> T:
                asked.append(bounded)
                return await super().read(work, bounded=bounded)

        replacement = Recording(app.state.engine)
        app.dependency_overrides[database] = lambda: replacement
        with TestClient(app) as client:
            assert client.get(EVENT).status_code == 200
            assert client.get("/v1/events?limit=2&kind=signing").status_code == 200
        replacement.close()
        app.state.engine.dispose()
        assert asked == [True, False]

    @pytest.mark.parametrize(("given", "expected"), [(0, None), (3, 3)])
    def test_the_thread_pool_takes_the_setting_or_the_back_ends_default(
        self, seeded_url: str, backend: str, given: int, expected: int | None
    ):
        app = create_app(Settings(database_url=seeded_url, db_threads=given))
        with TestClient(app) as client:
            assert client.portal is not None
            tokens = client.portal.call(
                lambda: to_thread.current_default_thread_limiter().total_tokens
            )
        app.state.engine.dispose()
        assert tokens == (expected or (2 if backend == "sqlite" else 40))

    @pytest.mark.parametrize(
        "path",
        # A detail reads through the ORM; an unfiltered page on the driver's own cursor.
        [EVENT, "/v1/events?limit=3"],
    )
    def test_a_request_meeting_a_lock_waits_in_the_pool_while_the_loop_answers_others(
        self, app_client: TestClient, seeded_url: str, backend: str, path: str
    ):
        response = app_client.get(path)
        assert response.status_code == 200
        expected = response.json()
        app = app_client.app
        db: Database = app.state.database  # type: ignore[attr-defined]

        async def scenario(release: Callable[[], None]) -> Any:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
                outcome = await while_locked(release, http.get(path))
            # For a while after, bounded reads go straight to the pool (no stall each).
            _, next_on_loop = await read_where(db, count_events, True)
            return outcome, next_on_loop

        with table_locked(seeded_url, backend) as release:
            assert app_client.portal is not None
            (ticked, waiting, response), next_on_loop = app_client.portal.call(scenario, release)
        assert waiting and ticked >= 10  # ~30 ticks in 0.3 s; a blocked loop gives 1
        assert response.status_code == 200
        assert response.json() == expected
        assert not next_on_loop

    @pytest.mark.parametrize(
        "path",
        [
            "/v1/events?limit=3",
            "/v1/events?limit=3&include=areas,citations,people",
            EVENT,
            f"{EVENT}?include=quotes,programmes",
            "/v1/sources/blog-2014-05-07-ipcp-signing",
        ],
    )
    def test_between_requests_the_loops_connection_holds_no_lock(
        self, app_client: TestClient, seeded_url: str, backend: str, path: str
    ):
        # The loop's session stays open from one read to the next: no statement of a read
        # may leave a lock behind that would hold up the seed loader's writes.
        raw, on_loop = read_on_app_loop(app_client, dbapi)
        assert on_loop
        assert app_client.get(path).status_code == 200
        locks_at_once(seeded_url, backend)
        if backend == "postgresql":
            with other_connection(seeded_url) as other:
                held_locks, state = other.execute(
                    text(
                        "SELECT (SELECT count(*) FROM pg_locks WHERE pid = :pid),"
                        " (SELECT state FROM pg_stat_activity WHERE pid = :pid)"
                    ),
                    {"pid": raw.info.backend_pid},
                ).one()
            assert (held_locks, state) == (0, "idle")
        else:
            assert not raw.in_transaction

    @pytest.mark.parametrize("path", ["/v1/events?limit=3", EVENT])
    def test_a_lost_connection_costs_no_failed_request(
        self, app_client: TestClient, seeded_url: str, backend: str, path: str
    ):
        expected = app_client.get(path).json()
        lost, on_loop = read_on_app_loop(app_client, dbapi)
        assert on_loop
        lose(lost, backend, seeded_url)  # as when the server restarts under it
        response = app_client.get(path)
        assert response.status_code == 200, response.text
        assert response.json() == expected
        # The next bounded read is back on the loop, on a new connection.
        raw, on_loop = read_on_app_loop(app_client, dbapi)
        assert on_loop and raw is not lost and not is_closed(raw, backend)
