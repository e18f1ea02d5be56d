"""`read`: a request's database work, on the event loop when bounded, else in the pool,
each with a session of its own that is closed afterwards."""

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request

from app.core.config import Settings
from app.core.db import read
from app.main import create_app


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
