"""`bench.mix`: the URL mix drawn for the stack's benchmark is what it claims to be — as
many distinct URLs as asked (when the data has them), the same for the same seed, and
every one a request the service answers with 200 (a mix of errors would measure
nothing)."""

import pytest
from fastapi.testclient import TestClient

from bench.mix import draw_urls

ON_POSTGRESQL = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@ON_POSTGRESQL
class TestDrawUrls:
    def test_distinct_repeatable_and_all_answered(self, seeded_url: str, client: TestClient):
        urls = draw_urls(seeded_url, 300)
        assert len(urls) == len(set(urls)) == 300
        assert urls == draw_urls(seeded_url, 300)
        assert urls != draw_urls(seeded_url, 300, seed=7)
        kinds = {url.split("?")[0].split("/")[2] for url in urls}
        assert {"events", "search", "areas", "timeline"} <= kinds
        failed = {url: status for url in urls if (status := client.get(url).status_code) != 200}
        assert not failed
