"""`make bench-search`: /v1/search on scale data, everyday queries, one back-end a run.

    python -m bench.search --db sqlite --events 1000000 [--record]

Starts the service (one worker, answer store off) on the scale database (made if missing,
with its search index), and for each query measures p50 and p99 with one connection (one
request at a time) and then requests/s under 32 connections; then requests/s again with
one worker per processor, as the service would be deployed on the machine; also how long
a build of the index takes, how big it is on disk, and the worker's memory at rest.
With --record the table goes into docs/performance.md between this back-end's markers.
"""

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from sqlalchemy import text
from sqlmodel import Session

from app.core.config import Settings
from app.core.engine import make_engine
from app.rendering import render_version
from app.search.building import build, index_name
from bench.harness import database_url, ensure_data
from bench.load import run_wrk
from bench.report import DOC, put_between
from bench.servers import serve

PROCESSORS = os.cpu_count() or 1
# The everyday queries of issue 16: words, a phrase, an exclusion.
QUERIES = [
    "maritime security", "cyber", "tokyo", "disaster relief", '"cyber defence"',
    "exercise -baltic",
]  # fmt: skip


def build_once(url: str) -> dict[str, float]:
    """A build of the index from scratch into a scratch folder: seconds and megabytes."""
    engine = make_engine(Settings(database_url=url))
    folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        with Session(engine) as session:
            version = session.execute(text("SELECT version FROM dataset_version")).scalar_one()
            started = time.perf_counter()
            path = build(session, folder, index_name(version, render_version()))
            seconds = time.perf_counter() - started
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        return {"build_s": round(seconds, 1), "index_mb": round(size / 1e6, 1)}
    finally:
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def path_of(q: str) -> str:
    return f"/v1/search?q={quote(q)}&limit=20"


def measure(url: str, duration: int) -> dict[str, Any]:
    env = {"DATABASE_URL": url, "RESPONSE_CACHE_MB": "0", "DATA_VERSION_TTL": "5"}
    out: dict[str, Any] = {"queries": [], "processors": PROCESSORS}
    with serve("app.main:create_app", workers=1, env=env, ready_path="/readyz") as app:
        for q in QUERIES:
            answer = httpx.get(app.base_url + path_of(q), timeout=60)
            answer.raise_for_status()
            alone = run_wrk(app.base_url + path_of(q), connections=1, duration=duration)
            loaded = run_wrk(app.base_url + path_of(q), connections=32, duration=duration)
            out["queries"].append({
                "q": q, "hits_on_page": len(answer.json()["data"]),
                "p50_ms": alone.p50_ms, "p99_ms": alone.p99_ms,
                "rps_32": loaded.requests_per_s, "errors": alone.errors + loaded.errors,
            })  # fmt: skip
        time.sleep(1)
        out["rest_mb"] = round(app.rss_mb(), 1)
        out["rest_files_mb"] = round(app.rss_mb("RssFile"), 1)  # the index, libraries
    # As the service may be deployed on this machine: one worker per processor.
    with serve("app.main:create_app", workers=PROCESSORS, env=env, ready_path="/readyz") as app:
        for row in out["queries"]:
            httpx.get(app.base_url + path_of(row["q"]), timeout=60).raise_for_status()
            loaded = run_wrk(app.base_url + path_of(row["q"]), connections=32, duration=duration)
            row["rps_32_per_processor"] = loaded.requests_per_s
            row["errors"] += loaded.errors
    return out


def table(run: dict[str, Any]) -> str:
    lines = [
        f"{run['events']:,} events on {run['db']}, {run['when']}: answer store off; p50/p99 "
        f"with one connection and one worker, requests/s with 32 connections, to one worker "
        f"and to one worker per processor ({run['processors']}). Index build "
        f"{run['build_s']} s, {run['index_mb']} MB on disk; worker at rest "
        f"{run['rest_mb']} MB resident, of which {run['rest_files_mb']} MB mapped files "
        "(the index's, the libraries').",
        "",
        "| query | p50 ms | p99 ms | req/s, one worker | req/s, a worker per processor | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in run["queries"]:
        lines.append(
            f"| `{r['q']}` | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['rps_32']:.0f} | "
            f"{r['rps_32_per_processor']:.0f} | {r['errors']} |"
        )
    return "\n".join(lines)


def record(run: dict[str, Any]) -> None:
    start = f"<!-- search:{run['db']}:{run['events']}:start -->"
    end = f"<!-- search:{run['db']}:{run['events']}:end -->"
    put_between(DOC, start, end, table(run), f"### Search, {run['events']:,} events on {run['db']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--record", action="store_true", help="write docs/performance.md")
    args = parser.parse_args(argv)
    url = database_url(args.db, args.events)
    ensure_data(url, args.events)
    run = {"db": args.db, "events": args.events, "when": time.strftime("%Y-%m-%d")}
    run.update(build_once(url))
    run.update(measure(url, args.duration))
    print(table(run))
    if args.record:
        record(run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
