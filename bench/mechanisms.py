"""`make mechanisms`: what each performance mechanism buys, measured by taking it out.

    python -m bench.mechanisms --db sqlite [--events 1000000] [--only NAME] [--record]

For each mechanism, a copy of `app/` with the mechanism taken out (the few lines replaced
are listed in `VARIANTS`) is served beside the current tree on the same scale database:
one worker each, answer store off. Each scenario the mechanism serves is driven by wrk
against the current tree and the copy in turn, A B A B, so that drift on a shared
machine falls on both; the figure is the copy's over the current tree's. Removed
mechanisms are measured the other way round: the tree before the restructuring
(`--before REV`) is the copy.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.harness import RESULTS, database_url, ensure_data, export_once
from bench.load import run_wrk
from bench.report import DOC
from bench.scenarios import choose
from bench.servers import ROOT, Server, serve

Edit = tuple[str, str, str]  # file under app/, text, replacement
SCENARIOS = {
    "first": "first page of events",
    "deep": "deep page by cursor",
    "filtered": "filtered: area + date range",
    "search": "full-text search",
    "detail": "detail with include",
}


@dataclass(frozen=True)
class Variant:
    name: str
    scenarios: tuple[str, ...]
    edits: tuple[Edit, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    backends: tuple[str, ...] = ("sqlite", "postgresql")
    before: bool = False  # the copy is the tree before the restructuring


NATIVE_QUERY = """
async def _native(query: Annotated[LIST.model, Query()]) -> Page[EventQuery]:
    return LIST.page(query)


@router.get(
    "","""

# The conventional alternative to the loop's kept connection on PostgreSQL: psycopg's async
# driver, each bounded read on a session of an async pool (SQLAlchemy's `run_sync` runs the
# service's synchronous code on it), so that the loop serves others during a round trip.
ASYNC_READ = """if bounded:
            if not hasattr(self, "_async"):
                self._async = create_async_engine(
                    self.engine.url, pool_size=10, isolation_level="AUTOCOMMIT",
                    connect_args={"options": "-c jit=off"},
                )
            async with AsyncSession(self._async) as on_loop:
                return await on_loop.run_sync(work)
        if False and time.monotonic()"""

VARIANTS = (
    Variant("held connection on the event loop", ("first", "deep", "detail"), (
        ("core/db.py", "if bounded and time.monotonic()", "if False and time.monotonic()"),)),
    Variant("async driver on the event loop instead", ("first", "deep", "detail"), (
        ("core/db.py", "if bounded and time.monotonic()", ASYNC_READ),
        ("core/db.py", "from sqlmodel import Session\n",
         "from sqlmodel import Session\n"
         "from sqlalchemy.ext.asyncio import create_async_engine\n"
         "from sqlmodel.ext.asyncio.session import AsyncSession\n"),
        # The async driver's own connection is awaited; through SQLAlchemy it is not.
        ("query/lists.py", "return pooled.driver_connection.execute(sql, parameters).fetchall()",
         "return list(connection.exec_driver_sql(sql, parameters).all())")),
        backends=("postgresql",)),
    Variant("query model read in one pass", ("first",), (
        ("events/router.py", "request: Request, page: Annotated[Page[EventQuery], Depends(LIST)]",
         "request: Request, page: Annotated[Page[EventQuery], Depends(_native)]"),
        ("events/router.py", '\n@router.get(\n    "",', NATIVE_QUERY),
        ("events/router.py", "from fastapi import ", "from fastapi import Query, "))),
    Variant("stored documents", ("first", "deep"), (
        ("events/service.py", "    found = read_documents(\n        session, query, Event, "
         "page.order, limit=page.size, start_after=page.start_after\n    )",
         "    found = read_page(session, query, page.order, limit=page.size,"
         " start_after=page.start_after)\n"
         "    found.records = [r.model_dump_json() for r in hydrate(session, found.records)]"),
        ("events/service.py", "    read_documents,\n", "    read_documents,\n    read_page,\n"))),
    Variant("whole-table pages compiled once", ("first", "deep"), (
        ("query/lists.py", "    if query.whereclause is None:", "    if False:"),)),
    Variant("whole-table pages on the driver's own connection", ("first", "deep"), (
        ("query/lists.py", "return pooled.driver_connection.execute(sql, parameters).fetchall()",
         "return list(connection.exec_driver_sql(sql, parameters).all())"),)),
    Variant("sort orders parsed once per spelling", ("first",), (
        ("query/params.py", "if len(self._orders) < 64:", "if False:"),)),
    Variant("stored CSV lines", ("csv",), (
        ("query/documents.py", "has_lines: bool = True", "has_lines: bool = False"),)),
    Variant("documents read as bytes", ("first", "csv", "ndjson"), (
        ("query/lists.py", 'return f"CAST({compiler.process(element.clauses, **kw)} AS BLOB)"',
         "return str(compiler.process(element.clauses, **kw))"),
        ("query/lists.py", "    type = LargeBinary()", "    type = Text()"),
        ("query/lists.py", "    LargeBinary,\n", "    LargeBinary,\n    Text,\n")),
        backends=("sqlite",)),
    Variant("link filter plan: always IN", ("filtered",), (
        ("query/lists.py", "COMMON_LINKS = 5000", "COMMON_LINKS = 10**12"),)),
    Variant("link filter plan: always EXISTS", ("filtered",), (
        ("query/lists.py", "COMMON_LINKS = 5000", "COMMON_LINKS = 0"),)),
    Variant("JIT off", ("filtered",), (
        ("core/engine.py", '"-c jit=off"', '"-c jit=on"'),), backends=("postgresql",)),
    Variant("answer store (on, against off)", ("first", "filtered", "search"),
            env={"RESPONSE_CACHE_MB": "64"}),
    Variant("mechanisms removed (the tree before the restructuring)",
            ("first", "deep", "filtered", "search", "detail", "csv"), before=True),
)  # fmt: skip


@contextmanager
def variant_tree(variant: Variant, before: str) -> Iterator[Path]:
    """A copy of the source tree with the variant's edits (or the tree at `before`)."""
    with tempfile.TemporaryDirectory(prefix="nj-variant-") as temp:
        root = Path(temp) / "tree"
        if variant.before:
            subprocess.run(["git", "worktree", "add", "--detach", str(root), before],
                           cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        else:
            root.mkdir()
            shutil.copytree(ROOT / "app", root / "app")
            for file, text, replacement in variant.edits:
                path = root / "app" / file
                source = path.read_text(encoding="utf-8")
                if source.count(text) != 1:
                    raise RuntimeError(f"{variant.name}: {text!r} is not once in app/{file}")
                path.write_text(source.replace(text, replacement), encoding="utf-8")
        try:
            yield root
        finally:
            if variant.before:
                subprocess.run(["git", "worktree", "remove", "--force", str(root)], cwd=ROOT,
                               check=True, capture_output=True)  # fmt: skip


def _measure(server: Server, scenario: str, paths: dict[str, str], duration: int) -> float:
    """Requests/s under 32 connections, or rows/s of a full export."""
    if scenario in ("csv", "ndjson"):
        rows, seconds = export_once(server.base_url, fmt=scenario)
        return rows / seconds
    result = run_wrk(server.base_url + paths[scenario], connections=32, duration=duration)
    # A variant that answers with errors measures nothing (one too slow to answer, such as
    # a search without its window, is measured as slow: its timeouts are not answers).
    if result.bad_answers:
        raise RuntimeError(f"{result.bad_answers} of {result.requests} {scenario} answers failed")
    return result.requests_per_s


def compare(
    variant: Variant, url: str, before: str, duration: int, rounds: int
) -> list[dict[str, Any]]:
    """The variant against the current tree, scenario by scenario, A B A B."""
    named = {s.name: s.path for s in choose(url)}
    paths = {short: named[name] for short, name in SCENARIOS.items()}
    env = {"DATABASE_URL": url, "DATA_VERSION_TTL": "5", "RESPONSE_CACHE_MB": "0"}
    out = []
    with variant_tree(variant, before) as root:
        servers: dict[str, Callable[[], Any]] = {
            "current": lambda: serve("app.main:create_app", workers=1, env=env,
                                     ready_path="/healthz"),
            "without": lambda: serve("app.main:create_app", workers=1, ready_path="/healthz",
                                     env={**env, **variant.env}, root=root),
        }  # fmt: skip
        with servers["current"]() as current, servers["without"]() as without:
            for server in (current, without):  # warm: the database's pages, the code paths
                for scenario in variant.scenarios:
                    if scenario not in ("csv", "ndjson"):
                        run_wrk(server.base_url + paths[scenario], connections=32, duration=2)
            for scenario in variant.scenarios:
                figures: dict[str, list[float]] = {"current": [], "without": []}
                for _ in range(rounds):
                    figures["current"].append(_measure(current, scenario, paths, duration))
                    figures["without"].append(_measure(without, scenario, paths, duration))
                a, b = (statistics.median(figures[k]) for k in ("current", "without"))
                ratio = round(b / a, 3) if a else None  # nothing answered: no ratio
                out.append({"scenario": scenario, "current": round(a, 1),
                            "without": round(b, 1), "ratio": ratio})  # fmt: skip
                print(f"  {variant.name} / {scenario}: {a:,.0f} -> {b:,.0f} ({ratio}x)",
                      file=sys.stderr)  # fmt: skip
    return out


def table(run: dict[str, Any]) -> str:
    lines = [
        f"{run['events']:,} events on {run['db']}, {run['at']}; medians of {run['rounds']} "
        f"alternating runs of {run['duration_s']} s (exports: whole)",
        "",
        "| mechanism | scenario | with: req/s (exports: rows/s) | without | without ÷ with |",
        "|---|---|---:|---:|---:|",
    ]
    for item in run["variants"]:
        for row in item["results"]:
            ratio = "–" if row["ratio"] is None else f"{row['ratio']:.2f}×"
            lines.append(f"| {item['name']} | {row['scenario']} | {row['current']:,.0f} | "
                         f"{row['without']:,.0f} | {ratio} |")  # fmt: skip
    return "\n".join(lines)


def record(run: dict[str, Any]) -> None:
    start, end = f"<!-- mechanisms:{run['db']}:start -->", f"<!-- mechanisms:{run['db']}:end -->"
    text = DOC.read_text(encoding="utf-8")
    block = f"{start}\n{table(run)}\n{end}"
    if start in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text += f"\n{block}\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mechanisms", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="A B pairs per scenario")
    parser.add_argument("--before", default="7a70eec", help="the tree before the restructuring")
    parser.add_argument("--only", help="measure the mechanisms whose names contain one of these"
                        " (a comma list)")  # fmt: skip
    parser.add_argument("--record", action="store_true", help="write docs/performance.md")
    args = parser.parse_args(argv)
    url = database_url(args.db, args.events)
    ensure_data(url, args.events)
    run: dict[str, Any] = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "db": args.db,
                           "events": args.events, "duration_s": args.duration,
                           "rounds": args.rounds, "variants": []}  # fmt: skip
    for variant in VARIANTS:
        wanted = args.only.split(",") if args.only else [""]
        if args.db not in variant.backends or not any(w in variant.name for w in wanted):
            continue
        started = time.perf_counter()
        results = compare(variant, url, args.before, args.duration, args.rounds)
        run["variants"].append({"name": variant.name, "results": results,
                                "seconds": round(time.perf_counter() - started)})  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    name = f"mechanisms-{run['at'].replace(':', '')}-{args.db}-{args.events}.json"
    (RESULTS / name).write_text(json.dumps(run, indent=2))
    print(table(run))
    if args.record:
        record(run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
