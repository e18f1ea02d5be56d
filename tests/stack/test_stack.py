"""The production-like stack of `make stack` (bench/stack.py): nginx in front of two
instances of the service on one PostgreSQL database. Requests reach every instance; the
cache answers repeats and revalidates them, and serves a re-seed's data once the
service's max-age has passed; an instance stopped during a load run loses no request;
SIGTERM lets a request in flight finish. Each test has a PostgreSQL database of its own.
`make stack-test` runs this module (`make test` does too)."""

import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from bench.load import LoadResult, run_wrk
from bench.servers import ROOT, serve
from bench.stack import stack
from seeds.loader import seed
from tests.databases import temporary_database

EVENT = "/v1/events/ipcp-signing-2014"
# How a server stopped by SIGTERM exits once it has shut down: uvicorn raises the signal
# again after its graceful shutdown, so that its parent sees why it stopped.
STOPPED = (0, -signal.SIGTERM)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    """A PostgreSQL database of this test's own, migrated and seeded."""
    with temporary_database("postgresql", tmp_path) as url:
        upgrade(url)
        engine = make_engine(Settings(database_url=url))
        seed(engine)
        engine.dispose()
        yield url


def instance_of(response: httpx.Response) -> str:
    """Which process answered: the first half of a request id the service made."""
    return response.headers["x-request-id"][:16]


class TestRouting:
    def test_requests_reach_every_instance(self, database: str):
        with stack(database, cache=False) as running:
            answers = [httpx.get(running.url + "/v1/events?limit=3") for _ in range(20)]
        assert {a.status_code for a in answers} == {200}
        assert len({instance_of(a) for a in answers}) == 2


class TestCache:
    def test_repeats_are_answered_by_the_cache_and_revalidated_after_max_age(self, database: str):
        with stack(database, env={"CACHE_MAX_AGE": "1", "DATA_VERSION_TTL": "0"}) as running:
            first = httpx.get(running.url + EVENT)
            again = httpx.get(running.url + EVENT)
            assert (first.headers["x-cache-status"], again.headers["x-cache-status"]) == (
                "MISS",
                "HIT",
            )
            assert again.content == first.content
            # The instance made the first answer's id; the cache gave the same answer back.
            assert again.headers["x-request-id"] == first.headers["x-request-id"]
            time.sleep(2.1)  # past max-age (nginx counts whole seconds): If-None-Match, 304
            later = httpx.get(running.url + EVENT)
            assert later.headers["x-cache-status"] == "REVALIDATED"
            assert later.content == first.content

    def test_a_reseed_reaches_clients_once_max_age_has_passed(self, database: str, tmp_path: Path):
        with stack(database, env={"CACHE_MAX_AGE": "1", "DATA_VERSION_TTL": "0"}) as running:
            before = httpx.get(running.url + EVENT)
            assert httpx.get(running.url + EVENT).headers["x-cache-status"] == "HIT"
            reseed_with_a_new_title(database, tmp_path / "data")
            time.sleep(2.1)
            after = httpx.get(running.url + EVENT)
        assert after.status_code == 200
        assert after.headers["x-cache-status"] in ("EXPIRED", "MISS")
        assert after.headers["etag"] != before.headers["etag"]
        assert after.json()["title"] == "A title changed by a re-seed"


def reseed_with_a_new_title(database_url: str, data: Path) -> None:
    """The curated data with one event's title changed, seeded with `--data-dir`."""
    shutil.copytree(ROOT / "seeds" / "data", data)
    events_file = data / "events.yaml"
    events = yaml.safe_load(events_file.read_text(encoding="utf-8"))
    records = events if isinstance(events, list) else events["events"]
    (record,) = [r for r in records if r["slug"] == EVENT.rsplit("/", 1)[1]]
    record["title"] = "A title changed by a re-seed"
    events_file.write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "seeds", "--database-url", database_url, "--data-dir", str(data)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


class TestFailover:
    def test_stopping_an_instance_during_a_load_run_loses_no_request(self, database: str):
        results: list[LoadResult] = []
        with stack(database, cache=False) as running:
            load = threading.Thread(
                target=lambda: results.append(
                    run_wrk(running.url + "/v1/events?limit=5", connections=8, duration=4)
                )
            )
            load.start()
            time.sleep(1.5)
            running.instances[0].process.send_signal(signal.SIGTERM)
            load.join()
            assert running.instances[0].process.wait(timeout=10) in STOPPED
            after = httpx.get(running.url + "/v1/events?limit=5")
        (result,) = results
        assert result.requests > 100
        assert result.errors == 0, result
        assert after.status_code == 200


class TestShutdown:
    def test_sigterm_lets_a_request_in_flight_finish(self, database: str):
        engine = make_engine(Settings(database_url=database))
        with serve(
            "app.main:create_app", workers=1, env={"DATABASE_URL": database}, ready_path="/readyz"
        ) as server:
            answers: list[httpx.Response] = []
            asking = threading.Thread(
                target=lambda: answers.append(
                    httpx.get(server.base_url + "/v1/events?kind=summit", timeout=30)
                )
            )
            with engine.connect() as holder:  # the request waits for this lock...
                holder.exec_driver_sql("LOCK TABLE event IN ACCESS EXCLUSIVE MODE")
                asking.start()
                time.sleep(0.5)
                server.process.send_signal(signal.SIGTERM)  # ...while the server is stopped
                time.sleep(0.5)
                assert server.process.poll() is None  # still draining
                holder.rollback()
            asking.join()
            assert server.process.wait(timeout=10) in STOPPED
        engine.dispose()
        (answer,) = answers
        assert answer.status_code == 200 and answer.json()["data"]

    def test_a_request_still_waiting_after_the_shutdown_timeout_is_cut(self, database: str):
        engine = make_engine(Settings(database_url=database))
        env = {"DATABASE_URL": database, "SHUTDOWN_TIMEOUT": "0.5", "DB_TIMEOUT": "30"}
        with serve("app.main:create_app", workers=1, env=env, ready_path="/readyz") as server:
            outcome: list[object] = []

            def ask() -> None:
                try:
                    outcome.append(
                        httpx.get(server.base_url + "/v1/events?kind=summit", timeout=30)
                    )
                except httpx.HTTPError as exc:  # the connection closed under it
                    outcome.append(exc)

            asking = threading.Thread(target=ask)
            with engine.connect() as holder:  # the request waits for this lock...
                holder.exec_driver_sql("LOCK TABLE event IN ACCESS EXCLUSIVE MODE")
                asking.start()
                time.sleep(0.5)
                stopping = time.monotonic()
                server.process.send_signal(signal.SIGTERM)  # ...longer than the server waits
                assert server.process.wait(timeout=10) in STOPPED
                stopped_after = time.monotonic() - stopping
                holder.rollback()
            asking.join()
        engine.dispose()
        assert stopped_after < 3  # SHUTDOWN_TIMEOUT, not the 30 s the read could take
        (answer,) = outcome
        assert not isinstance(answer, httpx.Response) or answer.status_code >= 500
