"""The per-process answer store: bounded, least recently used first out, never stale."""

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.response_cache import ResponseCache, Stored
from app.main import create_app


def entry(size: int) -> Stored:
    return Stored(200, [(b"content-type", b"application/json")], b"x" * size)


class TestResponseCache:
    def test_evicts_the_least_recently_used_beyond_its_budget(self):
        cache = ResponseCache(max_bytes=250)
        cache.put("a", entry(100))
        cache.put("b", entry(100))
        assert cache.get("a") is not None  # a is now the most recent
        cache.put("c", entry(100))
        assert cache.get("b") is None
        assert cache.get("a") is not None and cache.get("c") is not None

    def test_an_oversized_answer_is_not_kept(self):
        cache = ResponseCache(max_bytes=1000, max_entry_bytes=10)
        cache.put("big", entry(11))
        assert cache.get("big") is None

    def test_a_zero_budget_turns_it_off(self):
        cache = ResponseCache(max_bytes=0)
        cache.put("a", entry(1))
        assert cache.get("a") is None and not cache.enabled


class TestServedFromTheCache:
    def test_a_repeated_request_gets_the_same_answer_as_an_uncached_app(self, seeded_url: str):
        cached_app = create_app(Settings(database_url=seeded_url))
        plain_app = create_app(Settings(database_url=seeded_url, response_cache_mb=0))
        path = "/v1/events?limit=3&facets=kind"
        with TestClient(cached_app) as cached, TestClient(plain_app) as plain:
            first, second, reference = cached.get(path), cached.get(path), plain.get(path)
        for app in (cached_app, plain_app):
            app.state.engine.dispose()
        assert first.content == second.content == reference.content
        assert second.headers["etag"] == reference.headers["etag"]
        assert second.headers["link"] == reference.headers["link"]
        assert second.headers["content-type"] == "application/json"

    def test_streamed_exports_are_not_kept(self, seeded_url: str):
        app = create_app(Settings(database_url=seeded_url))
        with TestClient(app) as client:
            export = client.get("/v1/events?format=ndjson")
            kept_after_export = len(app.state.response_cache)
            client.get("/v1/events?limit=2")
            kept_after_page = len(app.state.response_cache)
        app.state.engine.dispose()
        assert export.text.count("\n") > 10
        assert (kept_after_export, kept_after_page) == (0, 1)
