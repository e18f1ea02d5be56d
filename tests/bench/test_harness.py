"""The benchmark harness reads wrk correctly and judges the targets from its figures."""

from pathlib import Path

import pytest

from bench import load
from bench.report import markers, record, table, targets

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/v1/events?limit=20
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     8.10ms    2.02ms  40.00ms   90.00%
    Req/Sec     3.95k   200.00     4.20k    70.00%
  Latency Distribution
     50%  812.00us
     75%    9.00ms
     90%   10.00ms
     99%    1.20s
  39500 requests in 10.00s, 120.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   3950.12
Transfer/sec:     12.00MB
"""


def test_wrk_figures_are_read_with_their_units(monkeypatch: pytest.MonkeyPatch):
    class Done:
        stdout = WRK_OUTPUT

    monkeypatch.setattr(load, "ensure_wrk", lambda: "wrk")
    monkeypatch.setattr(load.subprocess, "run", lambda *a, **k: Done())
    result = load.run_wrk("http://x/", connections=32, duration=10)
    assert result.requests_per_s == pytest.approx(3950.12)
    assert result.p50_ms == pytest.approx(0.812)
    assert result.p99_ms == pytest.approx(1200.0)
    assert (result.requests, result.errors) == (39500, 3)


def _run(first_ratio: float, deep_p50: float) -> dict:
    def scenario(name: str, ratio: float, p50: float = 5.0) -> dict:
        return {"name": name, "requests_per_s": 1000 * ratio, "p50_ms": p50, "p99_ms": 20.0,
                "ratio": ratio, "errors": 0, "requests": 100, "p50_alone_ms": p50 / 8}  # fmt: skip

    one = {
        "workers": 1,
        "bare": {"requests_per_s": 1000, "p50_ms": 1.0, "p99_ms": 3.0, "errors": 0},
        "scenarios": [
            scenario("first page of events", first_ratio),
            scenario("deep page by cursor", first_ratio, deep_p50),
            scenario("filtered: area + date range", 0.3, 12.0),
            scenario("full-text search", 0.2, 25.0),
            scenario("detail with include", 0.4),
            scenario("304 revalidation", 0.9),
        ],
        "csv": {
            "rows": 10,
            "seconds": 1,
            "rows_per_s": 150_000,
            "first_rows_per_s": 40_000,
            "peak_mb": 90.0,
        },  # fmt: skip
        "startup_s": 0.8,
        "rest_mb": 70.0,
    }
    two = {**one, "workers": 2, "scenarios": one["scenarios"][:1]}
    warm = {**one, "cache": True, "scenarios": [{**s, "ratio": 2.0} for s in one["scenarios"]]}
    machine = {"cpus": 2, "cpu": "x", "memory_gb": 24, "python": "3.11"}
    return {"events": 1000, "db": "sqlite", "connections": 32, "duration_s": 10, "at": "now",
            "machine": machine, "one_worker": warm, "one_worker_cold": one,
            "two_workers_cold": two}  # fmt: skip


def test_targets_are_judged_from_the_measured_figures_with_the_store_off():
    verdicts = {name: met for name, _, met in targets(_run(first_ratio=0.6, deep_p50=6.0))}
    assert verdicts["first page ≥ 0.5× bare"]
    assert verdicts["deep page ≤ 1.5× first-page latency (p50)"]
    assert verdicts["filtered list p50 ≤ 20 ms"]
    assert not verdicts["full-text search p50 ≤ 20 ms"]
    # One request at a time: 12 / 8 and 25 / 8 ms.
    assert verdicts["filtered list p50 ≤ 20 ms, one connection"]
    assert verdicts["search p50 ≤ 20 ms, one connection"]
    missed = {name: met for name, _, met in targets(_run(first_ratio=0.1, deep_p50=9.0))}
    assert not missed["first page ≥ 0.5× bare"]
    assert not missed["deep page ≤ 1.5× first-page latency (p50)"]


def test_the_table_shows_every_scenario_and_every_target():
    text = table(_run(first_ratio=0.6, deep_p50=6.0))
    for name in ("bare FastAPI app", "deep page by cursor", "304 revalidation", "CSV export"):
        assert name in text
    # Twelve targets, each judged twice: store off and store on.
    assert text.count("| yes |") + text.count("| **no** |") == 24
    # Each scenario's p50 with no queue sits beside its p50 under load (25 / 8 for search).
    assert "| 25.00 | 20.00 | 0.20 | 3.12 |" in text
    # The export's figure is the second run; the first, from disk, is shown beside it.
    assert "150,000 rows/s" in text and "read from disk: 40,000 rows/s" in text


def test_the_store_on_configuration_is_judged_on_its_own_figures():
    run = _run(first_ratio=0.1, deep_p50=6.0)
    cold = {name: met for name, _, met in targets(run, "one_worker_cold")}
    warm = {name: met for name, _, met in targets(run, "one_worker")}
    assert not cold["first page ≥ 0.5× bare"] and warm["first page ≥ 0.5× bare"]
    # The export passes the store by: both read the cold run's figures.
    assert cold["CSV export ≥ 100k rows/s"] == warm["CSV export ≥ 100k rows/s"]


def test_a_scenario_with_failed_requests_meets_no_target():
    run = _run(first_ratio=0.6, deep_p50=6.0)
    filtered = run["one_worker_cold"]["scenarios"][2]
    filtered.update(errors=12, p50_ms=0.0)  # wrk reports no latency when requests time out
    verdicts = {name: met for name, _, met in targets(run)}
    assert not verdicts["filtered list p50 ≤ 20 ms"]


def test_startup_is_the_median_of_its_runs_and_the_runs_are_shown():
    run = _run(first_ratio=0.6, deep_p50=6.0)
    run["one_worker_cold"].update(startup_s=0.66, startup_runs_s=[0.71, 0.64, 0.66])
    assert "startup to ready: 0.66 s (median of 0.71 s, 0.64 s, 0.66 s)" in table(run)
    del run["one_worker_cold"]["startup_runs_s"]  # a result recorded before: one start
    assert "startup to ready: 0.66 s (median of 0.66 s)" in table(run)


def test_one_connection_targets_read_the_store_off_runs_figure_in_both_columns():
    run = _run(first_ratio=0.6, deep_p50=6.0)
    run["one_worker_cold"]["scenarios"][3]["p50_alone_ms"] = 34.2
    for config in ("one_worker_cold", "one_worker"):
        verdicts = {name: (shown, met) for name, shown, met in targets(run, config)}
        assert verdicts["search p50 ≤ 20 ms, one connection"] == ("34.2 ms", False)


def test_each_back_end_records_its_own_block(tmp_path: Path):
    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n\nProse that stays.\n", encoding="utf-8")
    sqlite_run = _run(first_ratio=0.6, deep_p50=6.0)
    postgres_run = {**_run(first_ratio=0.2, deep_p50=6.0), "db": "postgresql"}
    record(sqlite_run, doc)
    record(postgres_run, doc)
    record({**sqlite_run, "at": "later"}, doc)  # a new SQLite run replaces only its block
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nProse that stays.\n")
    for db in ("sqlite", "postgresql"):
        start, end = markers(db)
        assert text.count(start) == 1 and text.count(end) == 1
        assert text.count(f"## Latest run on {db}") == 1
    sqlite_block = text[text.index(markers("sqlite")[0]) : text.index(markers("sqlite")[1])]
    assert "per scenario, later" in sqlite_block and "0.60×" in sqlite_block
    postgres_block = text[text.index(markers("postgresql")[0]) :]
    assert "0.20×" in postgres_block and "later" not in postgres_block


def test_the_data_package_is_shown_and_judged_on_its_peak_memory():
    run = _run(first_ratio=0.6, deep_p50=6.0)
    run["one_worker_cold"]["package"] = {"mb": 812.4, "seconds": 40.2, "mb_per_s": 20.2,
                                         "peak_mb": 300.0}  # fmt: skip
    text = table(run)
    assert "Data package: 812.4 MB in 40.2 s = 20.2 MB/s, server peak 300.0 MB" in text
    verdicts = {name: met for name, _, met in targets(run)}
    assert verdicts["data package memory < 250 MB"] is False
    run["one_worker_cold"]["package"]["peak_mb"] = 120.0
    assert {name: met for name, _, met in targets(run)}["data package memory < 250 MB"]
