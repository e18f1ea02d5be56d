"""What operators see: request ids, one JSON log line per request, and Prometheus
metrics, also summed over several worker processes."""

import json
import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.core.config import Settings
from app.http.telemetry import FLUSH_EVERY_S
from app.main import create_app
from bench.servers import serve


def samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """The samples called `name` in a /metrics text, by their sorted labels."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


def requests_of(text: str, route: str, status: str) -> float:
    key = (("method", "GET"), ("route", route), ("status", status))
    return samples(text, "api_requests_total").get(key, 0.0)


def written_lines(capsys: pytest.CaptureFixture[str], request_id: str) -> list[Any]:
    """The JSON lines written until one names `request_id`: request lines are written
    together, at least every FLUSH_EVERY_S seconds (waits up to ten times that)."""
    out = ""
    deadline = time.monotonic() + 10 * FLUSH_EVERY_S
    while request_id not in out and time.monotonic() < deadline:
        time.sleep(FLUSH_EVERY_S / 5)
        out += capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


PREFLIGHT = {"Origin": "https://x.example", "Access-Control-Request-Method": "GET"}


class TestRequestIds:
    def test_a_clients_id_is_echoed(self, client: TestClient):
        response = client.get("/v1/events?limit=1", headers={"X-Request-ID": "trace-42.a:b"})
        assert response.headers["x-request-id"] == "trace-42.a:b"

    @pytest.mark.parametrize("given", [None, "has space", "a" * 129, "<script>", ""])
    def test_otherwise_one_is_made(self, client: TestClient, given: str | None):
        headers = {} if given is None else {"X-Request-ID": given}
        made = client.get("/v1/events?limit=1", headers=headers).headers["x-request-id"]
        assert re.fullmatch(r"[0-9a-f]{32}", made)
        again = client.get("/v1/events?limit=1", headers=headers).headers["x-request-id"]
        assert again != made

    def test_every_answer_carries_one(self, client: TestClient):
        tag = client.get("/v1/areas?limit=1").headers["etag"]
        answers = [
            client.get("/v1/areas?limit=1", headers={"If-None-Match": tag}),  # 304
            client.get("/v1/areas/nowhere"),  # 404
            client.get("/v1/areas?colour=red"),  # 422
            client.options(
                "/v1/areas",
                headers={"Origin": "https://x.example", "Access-Control-Request-Method": "GET"},
            ),
            client.get("/healthz"),
        ]
        assert all(re.fullmatch(r"[0-9a-f]{32}", a.headers["x-request-id"]) for a in answers)


class TestLogs:
    def test_one_json_line_per_request_with_its_id(
        self, client: TestClient, capsys: pytest.CaptureFixture[str]
    ):
        capsys.readouterr()
        response = client.get("/v1/events/ipcp-signing-2014", headers={"X-Request-ID": "r-1"})
        lines = written_lines(capsys, "r-1")
        [line] = [entry for entry in lines if entry.get("request_id") == "r-1"]
        assert line["event"] == "request" and line["level"] == "info"
        assert (
            line["route"] == "/v1/events/{slug}" and line["path"] == "/v1/events/ipcp-signing-2014"
        )
        assert line["status"] == response.status_code == 200
        assert line["ms"] >= 0 and line["timestamp"].endswith("Z")

    def test_the_line_can_be_turned_off(self, seeded_url: str, capsys: pytest.CaptureFixture[str]):
        app = create_app(Settings(database_url=seeded_url, log_requests=False))
        with TestClient(app) as quiet:
            capsys.readouterr()
            response = quiet.get("/v1/events?limit=1", headers={"X-Request-ID": "r-2"})
        # Shut down, so every line waiting was written.
        assert response.headers["x-request-id"] == "r-2"
        assert "r-2" not in capsys.readouterr().out


class TestMetrics:
    def test_requests_are_counted_by_route_template_method_and_status(self, client: TestClient):
        before = client.get("/metrics").text
        for slug in ("ipcp-signing-2014", "no-such-event", "no-such-event-either"):
            client.get(f"/v1/events/{slug}")
        after = client.get("/metrics").text
        route = "/v1/events/{slug}"
        assert requests_of(after, route, "200") - requests_of(before, route, "200") == 1
        assert requests_of(after, route, "404") - requests_of(before, route, "404") == 2
        assert not any("no-such-event" in str(key) for key in samples(after, "api_requests_total"))

    def test_latency_histograms_and_where_answers_came_from(self, client: TestClient):
        tag = client.get("/v1/programmes?limit=2").headers["etag"]
        client.get("/v1/programmes?limit=2", headers={"If-None-Match": tag})
        text = client.get("/metrics").text
        counts = samples(text, "api_request_duration_seconds_count")
        assert counts[(("method", "GET"), ("route", "/v1/programmes"))] >= 2
        answers = {dict(k)["source"]: v for k, v in samples(text, "api_answers_total").items()}
        assert answers["rendered"] >= 1 and answers["not-modified"] >= 1
        # The 304 was answered before routing, and is still counted under its route.
        assert requests_of(text, "/v1/programmes", "304") >= 1

    def test_the_document_and_docs_pages_are_counted_under_their_paths(self, client: TestClient):
        for path in ("/openapi.json", "/docs", "/redoc"):
            client.get(path)
        text = client.get("/metrics").text
        for path in ("/openapi.json", "/docs", "/redoc"):
            assert requests_of(text, path, "200") >= 1, path

    def test_an_invented_method_cannot_grow_the_labels(self, client: TestClient):
        for method in ("BREW", "WHEN", "FOO"):
            client.request(method, "/v1/events")
        text = client.get("/metrics").text
        methods = {dict(k)["method"] for k in samples(text, "api_requests_total")}
        assert "OTHER" in methods and not methods & {"BREW", "WHEN", "FOO"}

    def test_the_dataset_version_is_a_labelled_gauge(self, client: TestClient):
        version = client.get("/readyz").json()["data_version"]
        gauge = samples(client.get("/metrics").text, "api_dataset_info")
        assert gauge == {(("version", version),): 1.0}

    def test_metrics_are_not_cached_nor_in_the_document(self, client: TestClient):
        response = client.get("/metrics")
        assert response.headers["cache-control"] == "no-store" and "etag" not in response.headers
        assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_several_workers_are_summed(seeded_url: str, tmp_path: Path):
    """uvicorn with two workers sharing PROMETHEUS_MULTIPROC_DIR: whichever answers the
    scrape, it counts every worker's requests."""
    env = {"DATABASE_URL": seeded_url, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    with serve("app.main:create_app", workers=2, env=env, ready_path="/readyz") as server:
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            for _ in range(40):  # new connections: the workers share the load
                httpx.get(f"{server.base_url}/v1/areas/cyber-defence", timeout=10)
            scrapes = [http.get("/metrics").text for _ in range(4)]
    pids = {path.name.split("_")[-1] for path in tmp_path.glob("counter_*.db")}
    assert len(pids) == 2, pids  # both workers counted something
    for text in scrapes:
        assert requests_of(text, "/v1/areas/{slug}", "200") == 40
