"""`make bench`: the service against the bare framework, measured in one run.

    python -m bench.harness --db sqlite --events 1000000 [--duration 10] [--record]

Starts the service on a scale database and a bare FastAPI app on the same server with the
same workers, drives each scenario with wrk (32 connections, a separate process), and
reports requests/s, p50 and p99 latency and the ratio to the bare app measured in the
same run; then a full CSV export (rows/s, peak server memory), the data package (MB/s,
peak server memory), startup-to-ready and
memory at rest, and throughput with 1 and 2 workers. Results go to bench/results/ as JSON,
a table on stdout, and with --record into docs/performance.md.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench.load import run_wrk
from bench.report import record, table
from bench.scenarios import choose
from bench.servers import ROOT, serve

RESULTS = ROOT / "bench" / "results"


def database_url(db: str, events: int) -> str:
    if db == "sqlite":
        return f"sqlite:///{ROOT / 'var' / f'scale-{events}.db'}"
    admin = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432")
    return f"{admin}/nj_scale_{events}"


def ensure_data(url: str, events: int) -> None:
    """Generate the scale database unless it already holds `events` synthetic events."""
    probe = [sys.executable, "-m", "bench.scale", "--events", str(events), "--database-url", url]
    subprocess.run(probe + ["--if-missing"], cwd=ROOT, check=True)


def export_once(base: str, fmt: str = "csv") -> tuple[int, float]:
    """Rows and seconds of a full export of events in `fmt` (csv or ndjson)."""
    rows, started = 0, time.perf_counter()
    with httpx.stream("GET", f"{base}/v1/events.{fmt}", timeout=None) as r:
        r.raise_for_status()
        for chunk in r.iter_bytes():
            rows += chunk.count(b"\n")
    return rows - (fmt == "csv"), time.perf_counter() - started  # less the CSV header


def csv_export(base: str, server: Any) -> dict[str, float]:
    """The full export, twice: the first reads the database from disk (this VM drops its
    page cache within minutes), the second from the cache, as a serving machine would.
    The second is the figure; the first is kept as `first_rows_per_s`."""
    with server.watch_memory():
        first_rows, first_seconds = export_once(base)
        rows, seconds = export_once(base)
    if rows != first_rows:
        raise RuntimeError(f"two exports of the same data differ: {first_rows} != {rows} rows")
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
            "first_rows_per_s": round(first_rows / first_seconds),
            "peak_mb": round(server.peak_mb, 1)}  # fmt: skip


def package_download(base: str, server: Any) -> dict[str, float]:
    """The current release's data package (a ZIP of every resource as CSV and NDJSON, the
    citations and the sources), streamed to nowhere: its size, time and the server's peak
    memory, which must not grow with the data (the package is compressed as it is read)."""
    size, started = 0, time.perf_counter()
    with (
        server.watch_memory(),
        httpx.stream("GET", f"{base}/v1/releases/latest/package", timeout=None) as r,
    ):
        r.raise_for_status()
        for chunk in r.iter_bytes():
            size += len(chunk)
    seconds = time.perf_counter() - started
    return {"mb": round(size / 1e6, 1), "seconds": round(seconds, 1),
            "mb_per_s": round(size / 1e6 / seconds, 1),
            "peak_mb": round(server.peak_mb, 1)}  # fmt: skip


def measure(
    url: str, *, workers: int, connections: int, duration: int, full: bool, cache: bool
) -> dict[str, Any]:
    """One configuration: bare app, then each scenario; `cache` keeps the answer store on."""
    env = {"DATABASE_URL": url, "DATA_VERSION_TTL": "5"}
    if not cache:
        env["RESPONSE_CACHE_MB"] = "0"
    out: dict[str, Any] = {"workers": workers, "cache": cache, "scenarios": []}
    with serve("bench.bare_app:app", workers=workers) as bare:
        baseline = run_wrk(bare.base_url + "/", connections=connections, duration=duration)
    out["bare"] = baseline.__dict__
    # Startup to ready, three times (one start is at the mercy of a busy moment): the median.
    starts = []
    for _ in range(3):
        with serve("app.main:create_app", workers=workers, env=env, ready_path="/readyz") as app:
            starts.append(round(app.startup_s, 3))
    out["startup_runs_s"] = starts
    out["startup_s"] = statistics.median(starts)
    with serve("app.main:create_app", workers=workers, env=env, ready_path="/readyz") as app:
        time.sleep(1)
        out["rest_mb"] = round(app.rss_mb(), 1)
        scenarios = choose(url) if full else choose(url)[:1]
        for scenario in scenarios:
            headers = dict(scenario.headers)
            if "{etag}" in headers.get("If-None-Match", ""):
                etag = httpx.get(app.base_url + scenario.path).headers["etag"]
                headers["If-None-Match"] = etag
            check = httpx.get(app.base_url + scenario.path, headers=headers, timeout=30)
            if check.status_code not in (200, 304):
                raise RuntimeError(f"{scenario.name}: {check.status_code} {check.text[:200]}")
            result = run_wrk(app.base_url + scenario.path, connections=connections,
                             duration=duration, headers=headers)  # fmt: skip
            measured = {
                "name": scenario.name, "path": scenario.path, **result.__dict__,
                "ratio": round(result.requests_per_s / baseline.requests_per_s, 3),
            }  # fmt: skip
            if full and not cache:
                # The same request with no queue: one connection, one at a time.
                alone = run_wrk(app.base_url + scenario.path, connections=1,
                                duration=min(duration, 5), headers=headers)  # fmt: skip
                measured["p50_alone_ms"] = alone.p50_ms
            out["scenarios"].append(measured)
        if full and not cache:  # an export streams; the store never holds it
            out["csv"] = csv_export(app.base_url, app)
            out["package"] = package_download(app.base_url, app)
    return out


def machine() -> dict[str, Any]:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {"cpus": os.cpu_count(), "cpu": model, "memory_gb": round(memory_kb / 2**20, 1),
            "python": platform.python_version(), "platform": platform.platform()}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.harness", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--record", action="store_true", help="write docs/performance.md")
    args = parser.parse_args(argv)
    url = database_url(args.db, args.events)
    ensure_data(url, args.events)
    run: dict[str, Any] = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "db": args.db, "events": args.events, "connections": args.connections,
        "duration_s": args.duration, "machine": machine(),
    }  # fmt: skip
    common = {"connections": args.connections, "duration": args.duration}
    # The default configuration, with the per-process answer store; then the same requests
    # with the store off, which measures the work each request does against the database.
    run["one_worker"] = measure(url, workers=1, full=True, cache=True, **common)
    run["one_worker_cold"] = measure(url, workers=1, full=True, cache=False, **common)
    run["two_workers_cold"] = measure(url, workers=2, full=False, cache=False, **common)
    RESULTS.mkdir(exist_ok=True)
    name = f"{run['at'].replace(':', '')}-{args.db}-{args.events}.json"
    (RESULTS / name).write_text(json.dumps(run, indent=2))
    print(table(run))
    print(f"\nresults: bench/results/{name}")
    if args.record:
        record(run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
