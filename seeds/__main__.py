"""`python -m seeds [--check]`: verify the curated dataset and load it;
`python -m seeds draft PATH …`: draft the records of a new document."""

import argparse
import sys
from pathlib import Path

from app.core.config import Settings
from app.core.engine import make_engine
from seeds.drafting.draft import main as draft_main
from seeds.errors import SeedError
from seeds.loader import seed
from seeds.plan import build_plan


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["draft"]:
        return draft_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m seeds", description=__doc__)
    parser.add_argument("--check", action="store_true", help="validate; write nothing")
    parser.add_argument("--database-url", help="defaults to DATABASE_URL / the SQLite file")
    parser.add_argument("--data-dir", type=Path, help="curated YAML files (seeds/data)")
    parser.add_argument("--sources-dir", type=Path, help="source documents (seeds/sources)")
    parser.add_argument(
        "--no-database", action="store_true", help="with --check: verify the files only"
    )
    args = parser.parse_args(argv)
    try:
        if args.no_database:
            plan = build_plan(args.data_dir, args.sources_dir)
            totals = ", ".join(f"{n} {kind}" for kind, n in plan.counts().items())
            print(f"dataset {plan.version[:12]} is valid: {totals}")
            return 0
        settings = Settings(**({"database_url": args.database_url} if args.database_url else {}))
        engine = make_engine(settings)
        report = seed(
            engine, data_dir=args.data_dir, sources_dir=args.sources_dir, check=args.check,
            search_index_dir=settings.search_index_dir,
        )  # fmt: skip
    except SeedError as exc:
        print(f"seed error: {exc}", file=sys.stderr)
        print("nothing was written.", file=sys.stderr)
        return 1
    print("\n".join(report.lines()))
    if report.indexed is not None:
        print(f"rendered {report.rendered} record documents; search index: {report.indexed}.")
    if args.check:
        verdict = "would change the database" if report.changed else "matches the database"
        print(f"check: dataset {report.version[:12]} is valid and {verdict}; nothing written.")
    elif report.release is not None:
        print(f"seeded dataset {report.version[:12]}: release {report.release}.")
    elif report.rendered is not None:
        print(f"dataset {report.version[:12]} already loaded; documents re-rendered.")
    else:
        print(f"dataset {report.version[:12]} already loaded: nothing changed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
