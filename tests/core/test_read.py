"""`read`: a request's database work, on the event loop when bounded, else in the pool,
each with a session of its own that is closed afterwards."""

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import httpx
import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.requests import Request

from app.core.config import Settings
from app.core.db import Sessions, make_engine, read
from app.main import create_app

BASE = "http://testserver"
T = TypeVar("T")


class FakeSession:
    def __init__(self, how: str) -> None:
        self.how = how
        self.open = False


class FakeSessions:
    """Stands for `app.state.sessions`: `sessions()` (pooled) and `sessions.held()`, each a
    context manager that records, with the thread, when it is entered and left."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str, int]] = []
        self.given: list[FakeSession] = []

    def __call__(self) -> Any:
        return self._session("pooled")

    def held(self) -> Any:
        return self._session("held")

    def holding(self) -> bool:
        return True

    def usable(self) -> bool:
        return True

    @contextmanager
    def _session(self, how: str) -> Iterator[FakeSession]:
        session = FakeSession(how)
        self.given.append(session)
        self.log.append(("enter", how, threading.get_ident()))
        session.open = True
        try:
            yield session
        finally:
            session.open = False
            self.log.append(("exit", how, threading.get_ident()))


def request_with(sessions: FakeSessions) -> Request:
    app = Starlette()
    app.state.sessions = sessions
    return Request({"type": "http", "app": app, "headers": [], "query_string": b""})


def run(
    work: Callable[[Any], Any], *, bounded: bool, sessions: FakeSessions | None = None
) -> tuple[Any, int]:
    """`read(request, work)` on a new event loop: its result, and the loop's thread."""
    request = request_with(sessions if sessions is not None else FakeSessions())

    async def main() -> tuple[Any, int]:
        return await read(request, work, bounded=bounded), threading.get_ident()

    return asyncio.run(main())


class TestRead:
    def test_bounded_work_runs_on_the_event_loop_thread(self):
        def work(session: FakeSession) -> int:
            return threading.get_ident()

        ran_on, loop = run(work, bounded=True)
        assert ran_on == loop

    def test_unbounded_work_runs_in_a_worker_thread(self):
        def work(session: FakeSession) -> int:
            return threading.get_ident()

        ran_on, loop = run(work, bounded=False)
        assert ran_on != loop
        assert ran_on != threading.get_ident()

    @pytest.mark.parametrize(("bounded", "how"), [(True, "held"), (False, "pooled")])
    def test_the_work_gets_an_open_session_from_the_app_and_its_result_is_returned(
        self, bounded: bool, how: str
    ):
        sessions = FakeSessions()
        seen: list[tuple[FakeSession, bool]] = []

        def work(session: FakeSession) -> str:
            seen.append((session, session.open))
            return "answer"

        result, _ = run(work, bounded=bounded, sessions=sessions)
        assert result == "answer"
        assert seen == [(sessions.given[0], True)]
        assert [s.how for s in sessions.given] == [how]

    @pytest.mark.parametrize(("bounded", "how"), [(True, "held"), (False, "pooled")])
    def test_the_session_is_closed_afterwards_on_the_thread_that_did_the_work(
        self, bounded: bool, how: str
    ):
        sessions = FakeSessions()

        def work(session: FakeSession) -> int:
            return threading.get_ident()

        ran_on, _ = run(work, bounded=bounded, sessions=sessions)
        assert sessions.log == [("enter", how, ran_on), ("exit", how, ran_on)]
        assert sessions.given[0].open is False

    @pytest.mark.parametrize("bounded", [True, False])
    def test_the_session_is_closed_when_the_work_fails(self, bounded: bool):
        sessions = FakeSessions()

        def work(session: FakeSession) -> None:
            raise LookupError("no such record")

        with pytest.raises(LookupError, match="no such record"):
            run(work, bounded=bounded, sessions=sessions)
        assert [event for event, _, _ in sessions.log] == ["enter", "exit"]
        assert sessions.given[0].open is False

    @pytest.mark.parametrize("bounded", [True, False])
    def test_each_read_has_a_session_of_its_own(self, bounded: bool):
        sessions = FakeSessions()
        request = request_with(sessions)

        async def main() -> list[FakeSession]:
            return [await read(request, lambda s: s, bounded=bounded) for _ in range(3)]

        used = asyncio.run(main())
        assert used == sessions.given and len(set(map(id, used))) == 3
        assert [event for event, _, _ in sessions.log] == ["enter", "exit"] * 3


class TestThreadPool:
    """The reads that leave the loop share a pool sized by back-end (`DB_THREADS`)."""

    @pytest.mark.parametrize(("given", "expected"), [(0, None), (3, 3)])
    def test_the_pool_takes_the_setting_or_the_back_ends_default(
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


@contextmanager
def table_locked(
    seeded_url: str, backend: str, *, wait: bool = True
) -> Iterator[Callable[[], None]]:
    """Another client holds a lock that keeps readers of `event` waiting (SQLite: the
    whole file, exclusively; PostgreSQL: the table, ACCESS EXCLUSIVE); yields `release`.
    With `wait=False`, taking the lock fails at once if any reader holds one."""
    engine = make_engine(Settings(database_url=seeded_url))
    connection = engine.connect()
    if backend == "sqlite":
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {5000 if wait else 0}")
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
    else:
        nowait = "" if wait else " NOWAIT"
        connection.exec_driver_sql(f"LOCK TABLE event IN ACCESS EXCLUSIVE MODE{nowait}")
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            connection.rollback()

    # Released by the test, or after 3 s whatever happens: a loop that blocked on the
    # lock could not release it itself, and the test must fail rather than hang.
    backstop = threading.Timer(3.0, release)
    backstop.start()
    try:
        yield release
    finally:
        backstop.cancel()
        release()
        connection.close()
        engine.dispose()


class TestHeldConnectionOnTheLoop:
    """The event loop's bounded reads never make the loop wait: not for a lock, not for
    a connection being opened, and a lost connection costs no failed request."""

    @pytest.fixture
    def app_client(self, seeded_url: str) -> Iterator[TestClient]:
        # No response store: every request below must reach the database.
        app = create_app(Settings(database_url=seeded_url, response_cache_mb=0))
        with TestClient(app) as client:
            yield client
        app.state.engine.dispose()

    @pytest.mark.parametrize(
        "path",
        # A detail reads through the ORM; an unfiltered page on the driver's own cursor.
        ["/v1/events/ipcp-signing-2014", "/v1/events?limit=3"],
    )
    def test_a_bounded_read_meeting_a_lock_waits_in_the_pool_while_the_loop_runs_on(
        self, app_client: TestClient, seeded_url: str, backend: str, path: str
    ):
        response = app_client.get(path)
        assert response.status_code == 200
        expected = response.json()
        app = app_client.app
        ticks: list[float] = []

        async def scenario(release: Callable[[], None]) -> tuple[int, Any]:
            async def ticker() -> None:
                while True:
                    ticks.append(asyncio.get_running_loop().time())
                    await asyncio.sleep(0.01)

            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
                ticking = asyncio.create_task(ticker())
                asking = asyncio.create_task(http.get(path))
                await asyncio.sleep(0.4)
                waited = len(ticks)
                assert not asking.done()  # the read is waiting for the lock...
                await to_thread.run_sync(release)
                response = await asking
                ticking.cancel()
            return waited, response

        with table_locked(seeded_url, backend) as release:
            assert app_client.portal is not None
            ticked, response = app_client.portal.call(scenario, release)
        # ...and the loop went on meanwhile: ~40 ticks in 0.4 s; a blocked loop gives 1.
        assert ticked >= 10
        assert response.status_code == 200
        assert response.json() == expected
        # The next second's bounded reads skip the held connection (no 5 ms stall each).
        assert not app.state.sessions.usable()

    @pytest.mark.parametrize(
        "path",
        [
            "/v1/events?limit=3",
            "/v1/events?limit=3&include=areas,citations,people",
            "/v1/events/ipcp-signing-2014",
            "/v1/events/ipcp-signing-2014?include=quotes,programmes",
            "/v1/sources/blog-2014-05-07-ipcp-signing",
        ],
    )
    def test_between_reads_the_held_connection_holds_no_lock(
        self, app_client: TestClient, seeded_url: str, backend: str, path: str
    ):
        # The held session stays open from one read to the next: no statement of a read
        # may leave a lock behind that would hold up the seed loader's writes.
        assert app_client.get(path).status_code == 200
        if backend == "sqlite":  # a writer takes the whole file at once
            with table_locked(seeded_url, backend, wait=False):
                pass
            return
        sessions = app_client.app.state.sessions
        assert app_client.portal is not None
        raw = app_client.portal.call(_on_loop(lambda: sessions._local.session.connection()))
        pid = raw.connection.dbapi_connection.info.backend_pid
        engine = make_engine(Settings(database_url=seeded_url))
        with engine.connect() as other:
            held_locks = other.exec_driver_sql(
                f"SELECT count(*) FROM pg_locks WHERE pid = {int(pid)}"
            ).scalar()
        engine.dispose()
        assert held_locks == 0

    @pytest.mark.parametrize("path", ["/v1/events?limit=3", "/v1/events/ipcp-signing-2014"])
    def test_a_lost_held_connection_costs_no_failed_request(
        self, app_client: TestClient, backend: str, path: str
    ):
        app = app_client.app
        assert app_client.get("/v1/events?limit=2").status_code == 200
        sessions = app.state.sessions
        assert app_client.portal is not None

        def held_raw() -> Any:
            return sessions._local.session.connection().connection.dbapi_connection

        lost = app_client.portal.call(_on_loop(held_raw))
        lost.close()  # as when the server restarts under the loop's connection
        response = app_client.get(path)
        assert response.status_code == 200, response.text
        # The next bounded read is back on a new held connection, set up as the first was.
        assert app_client.get("/v1/events?limit=4").status_code == 200
        raw = app_client.portal.call(_on_loop(held_raw))
        assert raw is not lost
        if backend == "sqlite":
            assert raw.isolation_level is None  # autocommit
            assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 0
        else:
            assert raw.autocommit and raw.info.transaction_status.name == "IDLE"
            assert raw.execute("SHOW lock_timeout").fetchone()[0] == "5ms"

    def test_the_held_connection_is_opened_off_the_loop(self, seeded_url: str):
        engine = make_engine(Settings(database_url=seeded_url))
        sessions = Sessions(engine)
        opened_on: list[int] = []
        real_open = sessions._open

        def recording_open() -> Any:
            opened_on.append(threading.get_ident())
            return real_open()

        sessions._open = recording_open  # type: ignore[method-assign]

        async def main() -> tuple[int, bool]:
            await sessions.connect()
            return threading.get_ident(), sessions.holding()

        loop_thread, holding = asyncio.run(main())
        sessions.close()
        engine.dispose()
        assert holding
        assert opened_on and opened_on[0] != loop_thread

    def test_two_reads_connecting_at_once_leave_one_held_connection(self, seeded_url: str):
        engine = make_engine(Settings(database_url=seeded_url))
        sessions = Sessions(engine)

        async def main() -> None:
            await asyncio.gather(sessions.connect(), sessions.connect())

        opened = 0
        real_open = sessions._open

        def counting_open() -> Any:
            nonlocal opened
            opened += 1
            return real_open()

        sessions._open = counting_open  # type: ignore[method-assign]
        asyncio.run(main())
        assert opened == 1 and len(sessions._held) == 1
        sessions.close()
        engine.dispose()

    def test_a_held_connection_that_cannot_be_opened_sends_the_read_to_the_pool(
        self, app_client: TestClient
    ):
        sessions = app_client.app.state.sessions
        assert app_client.portal is not None

        def refuse() -> Any:
            raise OperationalError("connect", {}, Exception("server not answering"))

        def drop_held() -> None:  # as after a lost connection: the next read reconnects
            sessions._local.session = None

        app_client.portal.call(_on_loop(drop_held))
        sessions._open = refuse
        response = app_client.get("/v1/events?limit=2")
        assert response.status_code == 200, response.text
        assert len(response.json()["data"]) == 2
        assert not app_client.portal.call(_on_loop(sessions.holding))


def _on_loop(function: Callable[[], T]) -> Callable[[], Any]:
    async def call() -> T:
        return function()

    return call
