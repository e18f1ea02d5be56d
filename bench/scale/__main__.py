"""`python -m bench.scale --events N --database-url URL [--seed 42] [--fresh] [--if-missing]`."""

import argparse
import sys

from bench.scale.loader import load
from bench.scale.progress import Progress
from bench.scale.target import Refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument("--events", type=int, required=True, help="how many events (N)")
    parser.add_argument(
        "--database-url", required=True, help="a dedicated database, never the default"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database first")
    parser.add_argument(
        "--if-missing", action="store_true", help="do nothing if this very dataset is there"
    )
    args = parser.parse_args(argv)
    progress = Progress(args.events)
    progress.say(f"synthetic data: {args.events:,} events, seed {args.seed} → {args.database_url}")
    try:
        report = load(args.database_url, events=args.events, seed=args.seed, fresh=args.fresh,
                      if_missing=args.if_missing, progress=progress)  # fmt: skip
    except Refused as refusal:
        print(f"refused: {refusal}", file=sys.stderr)
        return 2
    if report.skipped:
        progress.say(f"{report.version} is already there; nothing to do")
        return 0
    total = sum(report.rows.values())
    progress.say(
        f"done: {report.version}, {total:,} rows in {report.seconds:.1f}s "
        f"({total / report.seconds:,.0f} rows/s), {report.size_bytes / 2**20:,.1f} MiB"
    )
    for table, count in report.rows.items():
        print(f"  {table:24}{count:>12,}", file=sys.stderr)
    for phase, seconds in report.phases.items():
        print(f"  {phase:24}{seconds:>11.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
