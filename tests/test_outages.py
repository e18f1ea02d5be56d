"""What a client sees when the database is stalled, locked, unreachable or missing: a 503
problem with `Retry-After` from every data route within `DB_TIMEOUT`, a `/readyz` that
says what is wrong within `READY_TIMEOUT`, one log line per kind of failure, and answers
again once the database is back, with no restart.

Each fault is injected under a real server (uvicorn on loopback): PostgreSQL is reached
through a TCP proxy the test pauses (a server that stops answering) and stops (a server
that is gone); SQLite's file is locked by another process, missing, or opened read-only.
"""

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import make_url, text
from sqlmodel import Session

from app.core.config import Settings
from app.core.db import PROBE_S, RETRY_S, Database
from app.core.engine import make_engine
from app.core.errors import DatabaseUnavailable
from bench.servers import serve
from tests.proxy import Proxy, proxy_to

DB_TIMEOUT = 0.5
READY_TIMEOUT = 0.5
# What a bounded answer may take: the bound, the grace left for the server's own
# statement timeout (GRACE_S), and slack for a shared machine.
WITHIN = DB_TIMEOUT + 0.5 + 1.0
# One of each kind of data route: a first page and a record (read on the event loop), a
# filtered list, a list searched in the database, an export and the dataset's description
# (read in the pool).
DATA_PATHS = (
    "/v1/events?limit=5",
    "/v1/events/ipcp-signing-2014",
    "/v1/events?kind=summit",
    "/v1/events?q=cyber",
    "/v1/areas.csv",
    "/v1/meta",
)
# /v1/search reads its index, not the database: it keeps answering, for the version read
# last, while the database is away.
SEARCH = "/v1/search?q=cyber"


@contextmanager
def served(database_url: str, tmp_path: Path, **env: str) -> Iterator[tuple[str, Path]]:
    """The service on `database_url` with short bounds and the answer store off; yields its
    base URL and the file its standard output (the JSON log) goes to."""
    log = tmp_path / f"server-{time.monotonic_ns()}.log"
    settings = {
        "DATABASE_URL": database_url,
        "DB_TIMEOUT": str(DB_TIMEOUT),
        "READY_TIMEOUT": str(READY_TIMEOUT),
        "RESPONSE_CACHE_MB": "0",
        **env,
    }
    with log.open("wb") as output:
        with serve(
            "app.main:create_app", workers=1, env=settings, ready_path="/healthz", output=output
        ) as server:
            yield server.base_url, log


def timed(base: str, path: str, timeout: float = 30) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = httpx.get(base + path, timeout=timeout)
    return response, time.perf_counter() - started


def assert_unavailable(response: httpx.Response, took: float, words: str) -> dict[str, Any]:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    problem = response.json()
    assert problem["type"] == "/problems/database-unavailable"
    assert words in problem["detail"], problem
    assert took < WITHIN, f"{response.request.url} took {took:.2f} s"
    return dict(problem)


def assert_back(base: str, within: float = 10) -> None:
    """Every data route answers 200 again, within `within` seconds, with no restart."""
    deadline = time.monotonic() + within
    for path in ("/readyz", *DATA_PATHS):
        while (status := httpx.get(base + path, timeout=30).status_code) != 200:
            assert time.monotonic() < deadline, f"{path} still answers {status}"
            time.sleep(0.2)


def log_lines(log: Path) -> list[dict[str, Any]]:
    time.sleep(0.7)  # request lines are written at least every half second
    return [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]


def assert_no_traceback(log: Path) -> None:
    """No failure was logged as a traceback (the server's standard error included)."""
    text = log.read_text()
    at = text.find("Traceback")
    assert at < 0, text[max(0, at - 400) : at + 4000]


def outage_lines(log: Path) -> list[dict[str, Any]]:
    return [line for line in log_lines(log) if line["event"] == "database unavailable"]


def through(proxy: Proxy, url: str) -> str:
    return make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(False)


def pg_address(url: str) -> tuple[str, int]:
    parsed = make_url(url)
    return parsed.host or "127.0.0.1", parsed.port or 5432


# A server that stalls or goes away is PostgreSQL's fault; a missing or read-only file,
# SQLite's. Locks are both back-ends'.
ON_POSTGRESQL = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
ON_SQLITE = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


class Proxied:
    """The service on PostgreSQL through a proxy the test controls, and its log."""

    def __init__(self, proxy: Proxy, base: str, log: Path) -> None:
        self.proxy, self.base, self.log = proxy, base, log
        self._seen = 0

    def new_outage_lines(self) -> list[dict[str, Any]]:
        """The outage lines logged since the last call."""
        lines = outage_lines(self.log)
        new, self._seen = lines[self._seen :], len(lines)
        return new


@pytest.fixture(scope="module")
def proxied(seeded_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxied]:
    """One server for the module; each test leaves the database answering again."""
    with (
        proxy_to(*pg_address(seeded_url)) as proxy,
        served(
            # The version is read once, at the start: every read a test stalls is its own.
            through(proxy, seeded_url),
            tmp_path_factory.mktemp("proxied"),
            DATA_VERSION_TTL="600",
        ) as (base, log),
    ):
        assert_back(base)  # connections opened: the loop's and the pool's
        yield Proxied(proxy, base, log)


@ON_POSTGRESQL
class TestAStalledServer:
    def test_every_data_route_answers_503_within_the_bound_and_then_recovers(
        self, proxied: Proxied
    ):
        base = proxied.base
        proxied.new_outage_lines()
        proxied.proxy.pause()
        problems = [assert_unavailable(*timed(base, p), "did not") for p in DATA_PATHS]
        assert {p["instance"] for p in problems} == {p.split("?")[0] for p in DATA_PATHS}
        searched = httpx.get(base + SEARCH, timeout=30)
        assert searched.status_code == 200 and searched.json()["data"]

        response, took = timed(base, "/readyz")
        assert response.status_code == 503 and took < READY_TIMEOUT + 1.0
        assert response.headers["retry-after"]
        assert f"did not answer within {READY_TIMEOUT:g} s" in response.json()["detail"]

        proxied.proxy.resume()
        assert_back(base)
        kinds = [line["kind"] for line in proxied.new_outage_lines()]
        assert kinds and len(kinds) == len(set(kinds))  # one line per kind, not per request
        assert_no_traceback(proxied.log)

    def test_the_event_loop_keeps_answering_while_a_read_waits(self, proxied: Proxied):
        base = proxied.base
        proxied.proxy.pause()
        waiting: list[httpx.Response] = []
        reader = threading.Thread(
            target=lambda: waiting.append(httpx.get(base + DATA_PATHS[0], timeout=30))
        )
        reader.start()
        time.sleep(0.1)  # the page's read is on its way to the stalled server
        health, took = timed(base, "/healthz")
        reader.join()
        assert health.status_code == 200
        assert took < 1.5  # the loop's read is stopped after LOOP_LIMIT_S (0.5 s)
        assert waiting[0].status_code == 503
        # The page did wait on the stalled server (else the health check proved nothing).
        assert waiting[0].elapsed.total_seconds() >= 0.4
        proxied.proxy.resume()
        assert_back(base)


@ON_POSTGRESQL
class TestAServerThatIsGone:
    def test_every_data_route_answers_503_at_once_and_then_recovers(self, proxied: Proxied):
        base = proxied.base
        proxied.new_outage_lines()
        proxied.proxy.stop()
        for _ in range(3):
            for path in DATA_PATHS:
                assert_unavailable(*timed(base, path), "cannot be reached")
        assert httpx.get(base + SEARCH, timeout=30).status_code == 200
        response, _ = timed(base, "/readyz")
        assert response.status_code == 503
        assert "cannot be reached" in response.json()["detail"]

        proxied.proxy.start()
        assert_back(base)
        assert [line["kind"] for line in proxied.new_outage_lines()] == ["unreachable"]
        assert_no_traceback(proxied.log)


@ON_POSTGRESQL
class TestAnswersAlreadyHeld:
    def test_are_still_given_while_the_database_does_not_answer(
        self, seeded_url: str, tmp_path: Path
    ):
        with (
            proxy_to(*pg_address(seeded_url)) as proxy,
            served(
                through(proxy, seeded_url), tmp_path, RESPONSE_CACHE_MB="8", DATA_VERSION_TTL="0"
            ) as (base, _),
        ):
            first = httpx.get(base + "/v1/events?limit=3")
            assert first.status_code == 200
            proxy.pause()
            again, took = timed(base, "/v1/events?limit=3")
            # The version could not be read again, so the one last read stands, and with it
            # the stored answer (the data changes only by a seed, through the database).
            assert again.status_code == 200 and again.content == first.content
            assert again.headers["etag"] == first.headers["etag"]
            assert took < WITHIN
            revalidated = httpx.get(
                base + "/v1/events?limit=3", headers={"If-None-Match": first.headers["etag"]}
            )
            assert revalidated.status_code == 304
            # What it does not hold needs the database: a 503.
            assert_unavailable(*timed(base, "/v1/events?limit=4"), "did not")
            proxy.resume()


@contextmanager
def locked(url: str, backend: str) -> Iterator[None]:
    """Another process holds a lock that keeps readers of events waiting: SQLite's whole
    file, exclusively; PostgreSQL's `event` table, ACCESS EXCLUSIVE."""
    engine = make_engine(Settings(database_url=url))
    with engine.connect() as connection:
        if backend == "sqlite":
            connection.exec_driver_sql("BEGIN EXCLUSIVE")
        else:
            connection.exec_driver_sql("LOCK TABLE event IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            connection.rollback()
    engine.dispose()


class TestALockedDatabase:
    def test_reads_that_would_wait_answer_503_within_the_bound_then_recover(
        self, backend: str, seeded_url: str, tmp_path: Path
    ):
        with served(seeded_url, tmp_path) as (base, log):
            assert_back(base)
            with locked(seeded_url, backend):
                # SQLite says it is locked; PostgreSQL's statement timeout says the read
                # was slow (it does not say why).
                words = "locked" if backend == "sqlite" else "did not finish"
                for path in ("/v1/events?kind=summit", "/v1/events.csv"):
                    assert_unavailable(*timed(base, path), words)
                ready, took = timed(base, "/readyz")
                assert took < READY_TIMEOUT + 1.0
                if backend == "sqlite":  # the whole file is locked
                    assert ready.status_code == 503 and "locked" in ready.json()["detail"]
                else:  # only the event table: the database itself is ready
                    assert ready.status_code == 200
            assert_back(base)
            assert_no_traceback(log)


@ON_SQLITE
class TestASQLiteFile:
    def test_that_is_missing_is_an_outage_and_is_not_created(self, seeded_url: str, tmp_path: Path):
        missing = tmp_path / "nowhere.db"
        with served(f"sqlite:///{missing}", tmp_path) as (base, _):
            for path in DATA_PATHS:
                assert_unavailable(*timed(base, path), "cannot be reached or opened")
            ready, _ = timed(base, "/readyz")
            assert ready.status_code == 503
            assert "cannot be reached or opened" in ready.json()["detail"]
        assert not missing.exists()

    def test_opened_read_only_serves_everything(self, seeded_url: str, tmp_path: Path):
        with served(seeded_url + "?mode=ro", tmp_path) as (base, _):
            assert_back(base, within=1)


async def outcome(db: Database, work: Any, *, bounded: bool = False) -> tuple[str, float]:
    """What one read gives ("ok", or the outage's kind) and how long it took."""
    started = time.perf_counter()
    try:
        await db.read(work, bounded=bounded)
        return "ok", time.perf_counter() - started
    except DatabaseUnavailable as failure:
        return failure.kind, time.perf_counter() - started


def count(session: Session) -> int:
    return len(session.execute(text("SELECT slug FROM event")).all())


class TestFailingFast:
    """After a read times out, a probe decides: a database that answers it is busy, and
    the next reads go on; one that does not is out, and reads fail at once for a while."""

    def test_a_slow_read_on_a_database_that_answers_stops_nothing_else(self, seeded_url: str):
        db = Database(make_engine(Settings(database_url=seeded_url), serving=True), timeout=0.2)

        async def run() -> list[tuple[str, float]]:
            slow = await outcome(db, lambda session: time.sleep(1.0))  # a queue, say
            await asyncio.sleep(0.5)  # the probe's SELECT 1 is answered meanwhile
            return [slow, await outcome(db, count), await outcome(db, count, bounded=True)]

        (slow, took), after, on_loop = asyncio.run(run())
        db.close()
        assert slow == "timeout" and took < 0.2 + 0.5 + 0.25  # the bound and its grace
        assert after[0] == on_loop[0] == "ok"

    @ON_POSTGRESQL
    def test_a_database_that_does_not_answer_the_probe_fails_reads_at_once(self, seeded_url: str):
        with proxy_to(*pg_address(seeded_url)) as proxy:
            settings = Settings(database_url=through(proxy, seeded_url))
            db = Database(make_engine(settings, serving=True), timeout=0.3)

            async def run() -> list[tuple[str, float]]:
                first = await outcome(db, count)
                proxy.pause()
                stalled = await outcome(db, count)
                await asyncio.sleep(min(PROBE_S, 0.3) + 0.3)  # the probe gives up on it
                fast = await outcome(db, count)
                proxy.resume()
                await asyncio.sleep(RETRY_S + 0.1)
                return [first, stalled, fast, await outcome(db, count)]

            first, stalled, fast, back = asyncio.run(run())
            db.close()
        assert first[0] == "ok" and stalled[0] == "timeout"
        assert fast[0] == "timeout" and fast[1] < 0.1  # no wait: the database is out
        assert back[0] == "ok"  # one read tried again, and it answered
