"""`app.http.versions`: the dataset's version, read once for many requests, again after
its TTL, never queued behind the shared thread pool, and none when there is no
database to read it from."""

import asyncio
import threading
import uuid
from pathlib import Path

import anyio
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import Engine, make_url

from app.core.config import Settings
from app.core.engine import make_engine
from app.http.versions import DataVersion, Snapshot
from tests.databases import ADMIN_URL
from tests.support import statements


async def gather(versions: DataVersion, count: int) -> list[Snapshot | None]:
    return list(await asyncio.gather(*(versions.get() for _ in range(count))))


async def one_after_another(versions: DataVersion, count: int) -> list[Snapshot | None]:
    return [await versions.get() for _ in range(count)]


class TestDataVersion:
    def test_it_is_the_version_answers_carry(self, engine: Engine, client: TestClient):
        snapshot = asyncio.run(DataVersion(engine, ttl=60).get())
        answer = client.get("/v1/areas?limit=1")
        assert snapshot is not None
        assert snapshot.version == answer.json()["meta"]["data_version"]
        assert snapshot.last_modified.decode() == answer.headers["last-modified"]

    def test_gets_that_find_it_stale_together_share_one_read(self, engine: Engine):
        versions = DataVersion(engine, ttl=0)  # every get finds it stale
        with engine.connect():
            pass  # connected before counting: only the reads of the version are counted
        with statements(engine) as seen:
            snapshots = asyncio.run(gather(versions, 32))
        assert len(seen) == 1
        assert None not in snapshots and len({s.version for s in snapshots if s}) == 1

    def test_a_reading_is_trusted_until_the_ttl_has_passed(self, engine: Engine):
        versions = DataVersion(engine, ttl=3600)
        with statements(engine) as seen:
            asyncio.run(one_after_another(versions, 5))
        assert len(seen) == 1

    def test_it_is_read_again_once_the_ttl_has_passed(self, engine: Engine):
        versions = DataVersion(engine, ttl=0)
        with statements(engine) as seen:
            snapshots = asyncio.run(one_after_another(versions, 3))
        assert len(seen) == 3 and None not in snapshots

    def test_a_database_that_cannot_be_read_gives_no_version(self, backend: str, tmp_path: Path):
        # Answers then go untagged rather than failing (see TestEtagFollowsTheDataVersion).
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'no-schema.db'}"
        else:
            missing = make_url(ADMIN_URL).set(database=f"nj_missing_{uuid.uuid4().hex}")
            url = missing.render_as_string(hide_password=False)
        engine = make_engine(Settings(database_url=url))
        try:
            assert asyncio.run(DataVersion(engine, ttl=60).get()) is None
        finally:
            engine.dispose()

    def test_the_read_does_not_queue_behind_the_shared_thread_pool(self, engine: Engine):
        # Every thread of the pool the filtered reads use is busy (2 on SQLite by default):
        # the version must still be read, or every request would wait with it.
        versions = DataVersion(engine, ttl=60)
        busy = threading.Event()

        async def main() -> Snapshot | None:
            to_thread.current_default_thread_limiter().total_tokens = 1
            occupying = asyncio.ensure_future(to_thread.run_sync(busy.wait))
            await asyncio.sleep(0.05)
            try:
                with anyio.fail_after(5):
                    return await versions.get()
            finally:
                busy.set()
                await occupying

        snapshot = asyncio.run(main())
        assert snapshot is not None and snapshot.version
