"""Profile the service while wrk drives it: where a worker's time goes under load.

    .venv/bin/python -m bench.load_profile --db sqlite --path "/v1/events?limit=20" \\
      --out docs/profiles/first-page-under-load.txt

`bench.profile` calls the app in-process, one request at a time, and cannot show what
load adds: the server's HTTP work, a loop with 32 requests in flight, and a core shared
with the load generator. Here py-spy samples the real uvicorn worker (500 samples/s)
while wrk holds 32 connections, and the samples are summed by function: the share of
the event loop thread's busy time spent in each function and below it (inclusive), and
in the function itself (self). py-spy pauses the worker for each sample (complete stacks;
some slowdown while it records).
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


def summarise(raw: str, top: int = 40, thread: str = "MainThread") -> str:
    """py-spy's collapsed stacks ("f1;f2;f3 count" per line) as two ranked lists.

    Recorded with `--threads`, each stack starts with its thread; only `thread`'s are
    kept (the event loop's: the pool's threads would mix other work into the shares).
    A stack that does not start at the loop thread's usual root is partial and dropped.
    """
    stacks: list[tuple[list[str], int]] = []
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        frames = stack.split(";")
        if frames[0].startswith("thread ("):
            if not frames[0].endswith(f": {thread}"):
                continue
            frames = frames[1:]
        if frames:  # a sample taken between two frames (a greenlet switching) has none
            stacks.append(([_frame(f) for f in frames], int(count)))
    roots: Counter[str] = Counter()
    for frames, samples in stacks:
        roots[frames[0]] += samples
    if not roots:
        raise RuntimeError("py-spy recorded no samples")
    root = roots.most_common(1)[0][0]
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = dropped = 0
    for frames, samples in stacks:
        if frames[0] != root:
            dropped += samples
            continue
        total += samples
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    lines = [f"{total:,} samples of the {thread} thread ({dropped:,} partial ones dropped)"]
    lines += ["", "inclusive (the function and what it calls):"]
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
                     "--output", str(raw), "--threads"],
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
