"""Profile the service while wrk drives it: where a worker's time goes under load.

    .venv/bin/python -m bench.load_profile --db sqlite --path "/v1/events?limit=20" \\
      --out docs/profiles/first-page-under-load.txt

`bench.profile` calls the app in-process, one request at a time, and cannot show what
load adds: the server's HTTP work, a loop with 32 requests in flight, and a core shared
with the load generator. Here py-spy samples the real uvicorn worker (500 samples/s)
while wrk holds 32 connections, and the samples are summed by function: the share of
the worker's time spent in each function and below it (inclusive), and in the function
itself (self).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from bench.harness import database_url
from bench.load import run_wrk
from bench.servers import ROOT, serve


def _frame(frame: str) -> str:
    # py-spy writes "function (path/to/file.py:line)"; lines apart, a function is one.
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0]})" if where else name


def summarise(raw: str, top: int = 40) -> str:
    """py-spy's collapsed stacks ("f1;f2;f3 count" per line) as two ranked lists."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        samples = int(count)
        total += samples
        frames = [_frame(f) for f in stack.split(";")]
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    if total == 0:
        raise RuntimeError("py-spy recorded no samples")
    lines = [f"{total:,} samples", "", "inclusive (the function and what it calls):"]
    lines += [f"{n / total:6.1%}  {name}" for name, n in inclusive.most_common(top)]
    lines += ["", "self (the function's own code):"]
    lines += [f"{n / total:6.1%}  {name}" for name, n in own.most_common(top)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_profile", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--path", default="/v1/events?limit=20")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    env = {"DATABASE_URL": database_url(args.db, args.events), "RESPONSE_CACHE_MB": "0"}
    with serve("app.main:create_app", workers=1, env=env, ready_path="/readyz") as app:
        load = threading.Thread(
            target=run_wrk,
            args=(app.base_url + args.path,),
            kwargs={"connections": 32, "duration": args.seconds + 4},
        )
        load.start()
        try:
            threading.Event().wait(2)  # past the first requests' warm-up
            with tempfile.TemporaryDirectory() as folder:
                raw = Path(folder) / "stacks.txt"
                subprocess.run(
                    [spy, "record", "--pid", str(app.process.pid), "--duration",
                     str(args.seconds), "--rate", "500", "--format", "raw",
                     "--output", str(raw), "--nonblocking"],
                    check=True, capture_output=True, cwd=ROOT,
                )  # fmt: skip
                summary = summarise(raw.read_text())
        finally:
            load.join()
    header = f"py-spy, {args.seconds} s under wrk (32 connections): GET {args.path}, {args.db}\n"
    args.out.write_text(header + summary)
    print(header + summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
