"""HTTP caching: strong ETags, Last-Modified, 304s, and new ETags for new data."""

import asyncio
import re
import shutil
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import anyio
import pytest
import yaml
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.caching import DataVersion, Snapshot
from app.core.config import Settings
from app.main import create_app
from seeds.loader import seed
from seeds.reading import SEEDS_DIR

GETS = [
    "/v1/events",
    "/v1/events?kind=summit&format=csv",
    "/v1/events/ipcp-signing-2014",
    "/v1/programmes",
    "/v1/programmes/nato-trust-funds",
    "/v1/areas",
    "/v1/areas/cyber-defence",
    "/v1/quotes",
    "/v1/people",
    "/v1/organisations",
    "/v1/sources",
    "/v1/sources/blog-2014-05-07-ipcp-signing",
    "/v1/sources/blog-2014-05-07-ipcp-signing/citations",
    "/v1/search?q=cyber",
    "/v1/timeline",
]
STRONG_ETAG = re.compile(r'^"[^"]+"$')


@pytest.mark.parametrize("path", GETS)
class TestCacheHeaders:
    def test_a_get_has_a_strong_etag_cache_control_last_modified_and_vary(
        self, client: TestClient, path: str
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert STRONG_ETAG.match(response.headers["etag"]), response.headers["etag"]
        assert "max-age=" in response.headers["cache-control"]
        assert parsedate_to_datetime(response.headers["last-modified"]).tzinfo is not None
        assert response.headers["vary"] == "Accept"

    def test_if_none_match_with_the_etag_is_a_304_with_no_body(self, client: TestClient, path: str):
        etag = client.get(path).headers["etag"]
        response = client.get(path, headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert response.content == b""
        assert response.headers["etag"] == etag
        assert client.get(path, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200

    def test_if_modified_since_at_or_after_last_modified_is_a_304(
        self, client: TestClient, path: str
    ):
        stamp = parsedate_to_datetime(client.get(path).headers["last-modified"])
        for moment in (stamp, stamp + timedelta(days=1)):
            since = format_datetime(moment, usegmt=True)
            response = client.get(path, headers={"If-Modified-Since": since})
            assert response.status_code == 304 and response.content == b""
        earlier = format_datetime(stamp - timedelta(seconds=1), usegmt=True)
        assert client.get(path, headers={"If-Modified-Since": earlier}).status_code == 200


class TestEtagVariesWithTheRequest:
    def test_a_different_query_has_a_different_etag(self, client: TestClient):
        tags = {
            client.get(path).headers["etag"]
            for path in ("/v1/events", "/v1/events?limit=5", "/v1/events?kind=summit", "/v1/areas")
        }
        assert len(tags) == 4

    def test_a_different_accept_has_a_different_etag(self, client: TestClient):
        as_json = client.get("/v1/events", headers={"Accept": "application/json"})
        as_csv = client.get("/v1/events", headers={"Accept": "text/csv"})
        assert as_json.headers["etag"] != as_csv.headers["etag"]
        revalidated = client.get(
            "/v1/events", headers={"Accept": "text/csv", "If-None-Match": as_json.headers["etag"]}
        )
        assert revalidated.status_code == 200

    def test_the_same_request_has_the_same_etag(self, client: TestClient):
        assert client.get("/v1/quotes").headers["etag"] == client.get("/v1/quotes").headers["etag"]


def _edit_summary(data_dir: Path, slug: str, summary: str) -> None:
    path = data_dir / "events.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(r for r in records if r["slug"] == slug)["summary"] = summary
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")


class TestEtagFollowsTheDataVersion:
    def test_a_reseed_with_changed_data_changes_every_etag(
        self, migrated_engine: Engine, tmp_path: Path
    ):
        data_dir = tmp_path / "data"
        shutil.copytree(SEEDS_DIR / "data", data_dir)
        seed(migrated_engine, data_dir=data_dir)
        database_url = migrated_engine.url.render_as_string(hide_password=False)
        app = create_app(Settings(database_url=database_url, data_version_ttl=0))
        slug = "ipcp-signing-2014"
        try:
            with TestClient(app) as client:
                before = {
                    p: client.get(p).headers["etag"] for p in (f"/v1/events/{slug}", "/v1/areas")
                }
                version = client.get("/v1/areas").json()["meta"]["data_version"]

                seed(migrated_engine, data_dir=data_dir)  # nothing changed: nothing new
                assert {p: client.get(p).headers["etag"] for p in before} == before

                _edit_summary(data_dir, slug, "A corrected summary.")
                seed(migrated_engine, data_dir=data_dir)
                after = {p: client.get(p).headers["etag"] for p in before}
                assert all(after[p] != before[p] for p in before)
                assert client.get("/v1/areas").json()["meta"]["data_version"] != version

                stale = client.get(
                    f"/v1/events/{slug}", headers={"If-None-Match": before[f"/v1/events/{slug}"]}
                )
                assert stale.status_code == 200
                assert stale.json()["summary"] == "A corrected summary."
                fresh = client.get(
                    f"/v1/events/{slug}", headers={"If-None-Match": after[f"/v1/events/{slug}"]}
                )
                assert fresh.status_code == 304
        finally:
            app.state.engine.dispose()


class TestHead:
    @pytest.mark.parametrize("path", ["/v1/events?limit=2", "/v1/areas/cyber-defence", "/healthz"])
    def test_head_answers_like_get_without_a_body(self, client: TestClient, path: str):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200
        assert head.content == b""
        for name in ("content-type", "etag", "link"):
            assert head.headers.get(name) == get.headers.get(name)


class TestProbesAreNeverCached:
    @pytest.mark.parametrize("path", ["/healthz", "/readyz"])
    def test_no_store_and_no_etag(self, client: TestClient, path: str):
        response = client.get(path)
        assert response.headers["cache-control"] == "no-store"
        assert "etag" not in response.headers


class TestHostIsPartOfTheTag:
    def test_answers_with_other_absolute_links_have_other_tags(self, client: TestClient):
        one = client.get("/v1/events?limit=1", headers={"host": "a.example"})
        two = client.get("/v1/events?limit=1", headers={"host": "b.example"})
        assert one.json()["links"]["self"].startswith("http://a.example/")
        assert two.json()["links"]["self"].startswith("http://b.example/")
        assert one.headers["etag"] != two.headers["etag"]

    def test_host_headers_that_are_not_hosts_share_one_tag(self, client: TestClient):
        # Their links all name the server's own address: one answer, one stored copy.
        tags = {
            client.get("/v1/events?limit=1", headers={"host": bad}).headers["etag"]
            for bad in ('evil>"x', "a b", "<x>")
        }
        plain = client.get("/v1/events?limit=1", headers={"host": "testserver"})
        assert tags == {plain.headers["etag"]}


class TestDataVersionReads:
    def test_requests_that_find_it_stale_share_one_read(self):
        versions = DataVersion(engine=None, ttl=60)  # type: ignore[arg-type]
        reads = []

        def read() -> Snapshot:
            reads.append(threading.get_ident())
            time.sleep(0.05)  # long enough for every request below to arrive meanwhile
            return Snapshot.of("v1", datetime(2026, 1, 1, tzinfo=UTC))

        versions._read = read  # type: ignore[method-assign]

        async def many() -> list[Snapshot | None]:
            return await asyncio.gather(*(versions.get() for _ in range(32)))

        seen = asyncio.run(many())
        assert len(reads) == 1
        assert {s.version for s in seen if s is not None} == {"v1"} and None not in seen
        asyncio.run(many())  # fresh for another 60 s: no read at all
        assert len(reads) == 1

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
