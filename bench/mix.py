"""The stack under a realistic mix of requests: thousands of distinct URLs drawn with a
Zipf-like law (the k-th most asked-for URL asked about 1/k as often as the first), through
nginx in front of two instances, with nginx's cache on and off.

    python -m bench.mix --events 1000000 [--urls 5000] [--duration 10] [--record]

The URLs come from the PostgreSQL scale database (`make scale-data DB=postgresql`):
records by slug, lists filtered by kind, area, year and place, searches, pages of
exports and timelines. wrk draws each request from them with a Lua script, and counts
what nginx says of each answer (X-Cache-Status). Figures go to docs/performance.md
with --record.
"""

import argparse
import json
import random
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, text

from bench.harness import RESULTS, database_url, ensure_data, machine
from bench.load import run_wrk
from bench.report import DOC
from bench.stack import stack

WORDS = ["cyber", "maritime", "security", "defence", "tokyo", "summit", "exercise", "relief",
         "partnership", "dialogue", "brussels", "piracy", "training", "disaster"]  # fmt: skip


def draw_urls(url: str, count: int, seed: int = 42) -> list[str]:
    """`count` distinct request paths over the database's records, in a seeded order."""
    rng = random.Random(seed)
    engine = create_engine(url)
    with engine.connect() as conn:
        events = [
            r[0] for r in conn.execute(text("SELECT slug FROM event ORDER BY id LIMIT 200000"))
        ]
        areas = [r[0] for r in conn.execute(text("SELECT slug FROM cooperation_area"))]
        kinds = [r[0] for r in conn.execute(text("SELECT DISTINCT kind FROM event"))]
        others = {
            path: [r[0] for r in conn.execute(text(f"SELECT slug FROM {table}"))]
            for path, table in (("people", "person"), ("organisations", "organisation"),
                                ("programmes", "programme"), ("quotes", "quote"))
        }  # fmt: skip
    engine.dispose()
    made: set[str] = set()
    makers = [
        (40, lambda: f"/v1/events/{rng.choice(events)}"),
        (15, lambda: f"/v1/events?kind={rng.choice(kinds)}&limit=20"),
        (10, lambda: f"/v1/events?area={rng.choice(areas)}&from={rng.randint(1990, 2023)}"),
        (8, lambda: f"/v1/search?q={quote(' '.join(rng.sample(WORDS, rng.randint(1, 2))))}"),
        (8, lambda: f"/v1/events?q={rng.choice(WORDS)}&limit={rng.choice([10, 20, 50])}"),
        (6, lambda: f"/v1/areas/{rng.choice(areas)}"),
        (6, lambda: _other(rng, others)),
        (4, lambda: f"/v1/timeline?from={rng.randint(1990, 2020)}"),
        (3, lambda: f"/v1/events.csv?kind={rng.choice(kinds)}&limit=100"),
    ]
    weights = [w for w, _ in makers]
    for _ in range(count * 50):  # a small database may not have `count` distinct URLs
        if len(made) == count:
            break
        ((_, make),) = rng.choices(makers, weights)
        made.add(make())
    ordered = sorted(made)
    rng.shuffle(ordered)  # rank 1 is any kind of request, not the alphabetically first
    return ordered


def _other(rng: random.Random, others: dict[str, list[str]]) -> str:
    path = rng.choice(sorted(p for p, slugs in others.items() if slugs))
    return f"/v1/{path}/{rng.choice(others[path])}"


def lua_script(paths: list[str], exponent: float = 1.0) -> str:
    """wrk's script: each request drawn from `paths` with weight 1/rank^exponent; counts of
    nginx's X-Cache-Status per value, printed at the end."""
    weights = [1 / (rank**exponent) for rank in range(1, len(paths) + 1)]
    total, running, cumulative = sum(weights), 0.0, []
    for weight in weights:
        running += weight
        cumulative.append(running / total)
    quoted = ",\n".join(json.dumps(p) for p in paths)
    return f"""
local paths = {{{quoted}}}
local cumulative = {{{", ".join(f"{c:.9f}" for c in cumulative)}}}
local threads = {{}}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  math.randomseed(42 + id)
  statuses = {{}}
end
function request()
  local r, lo, hi = math.random(), 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", paths[lo])
end
function response(status, headers, body)
  local s = headers["X-Cache-Status"] or "none"
  statuses[s] = (statuses[s] or 0) + 1
end
function done(summary, latency, requests)
  local totals = {{}}
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("statuses")) do totals[k] = (totals[k] or 0) + v end
  end
  for k, v in pairs(totals) do io.write("cache-status " .. k .. " " .. v .. "\\n") end
end
"""


def run_mix(url: str, *, urls: int, duration: int, connections: int) -> dict[str, Any]:
    paths = draw_urls(url, urls)
    out: dict[str, Any] = {"urls": len(paths), "exponent": 1.0, "runs": []}
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "mix.lua"
        script.write_text(lua_script(paths), encoding="utf-8")
        for cache in (False, True):
            with stack(url, cache=cache, env={"DATA_VERSION_TTL": "5"}) as running:
                result = run_wrk(running.url + "/", connections=connections,
                                 duration=duration, script=str(script))  # fmt: skip
            statuses = dict(line.split()[1:] for line in result.printed if "cache-status" in line)
            answered = {name: int(n) for name, n in statuses.items()}
            hits = answered.get("HIT", 0) + answered.get("REVALIDATED", 0)
            out["runs"].append(
                {
                    "cache": cache,
                    **result.__dict__,
                    "cache_status": answered,
                    "hit_ratio": round(hits / max(1, sum(answered.values())), 3),
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mix", description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--urls", type=int, default=5000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    url = database_url("postgresql", args.events)
    ensure_data(url, args.events)
    run = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "events": args.events,
           "machine": machine(), **run_mix(url, urls=args.urls, duration=args.duration,
                                           connections=args.connections)}  # fmt: skip
    stamp = run["at"].replace(":", "")
    saved = RESULTS / f"mix-{stamp}-postgresql-{args.events}.json"
    saved.write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {saved}", file=sys.stderr)
    if args.record:
        record(run)
    return 0


START, END = "<!-- mix:start -->", "<!-- mix:end -->"


def record(run: dict[str, Any], doc: Path = DOC) -> None:
    """The run's table between the mix markers of docs/performance.md."""
    rows = [
        f"{run['events']:,} events on postgresql, {run['at']}; {run['urls']:,} distinct URLs, "
        f"Zipf exponent {run['exponent']}; nginx in front of two instances (one worker each)",
        "",
        "| nginx cache | requests | requests/s | p50 ms | p99 ms | errors | from the cache |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in run["runs"]:
        rows.append(f"| {'on' if r['cache'] else 'off'} | {r['requests']:,} | "
                    f"{r['requests_per_s']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                    f"{r['errors']} | {r['hit_ratio']:.0%} |")  # fmt: skip
    text = doc.read_text(encoding="utf-8")
    block = START + "\n" + "\n".join(rows) + "\n" + END
    if START in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
