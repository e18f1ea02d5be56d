"""Draft the records of a new document, and write them where a curator reviews them."""

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.core.dates import parse_partial
from app.sources.models import SourceKind
from seeds.drafting.candidates import Drafter, Known
from seeds.drafting.quotes import quote_records
from seeds.drafting.text import dateline
from seeds.reading import SEEDS_DIR


def draft(
    path: Path, *, slug: str, title: str, known: Known, published: str | None = None,
    kind: str = "news_article",
) -> dict[str, Any]:  # fmt: skip
    """Every candidate record of the document at `path`, each marked as a draft."""
    if published is not None:
        parse_partial(published)  # a ValueError for anything but a (partial) ISO date
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # a UnicodeDecodeError: `main` says which file
    day = date.fromisoformat(published) if published and len(published) == 10 else dateline(text)
    drafter = Drafter(text, slug, day, known)
    source = {
        "slug": slug,
        "file": path.name,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "title": title,
        "publisher": None,
        "published": published or (day.isoformat() if day else None),
        "kind": kind,
        "url": None,
        "draft": True,
    }
    return {
        "sources": [source],
        "quotes": quote_records(drafter),
        "people": drafter.person_records(),
        "organisations": drafter.organisation_records(),
        "events": drafter.event_records(),
        "new_areas": drafter.area_records(),
        "areas": drafter.area_slugs(),  # known areas the document names: links, not records
        "people_named": sorted({m.slug for m in drafter.people if m.known}),
        "organisations_named": sorted({m.slug for m in drafter.organisations if m.known}),
    }


# Drafted kind → the curated file its records go to.
FILES = {
    "sources": "sources.yaml", "organisations": "organisations.yaml", "people": "people.yaml",
    "new_areas": "areas.yaml", "events": "events.yaml", "quotes": "quotes.yaml",
}  # fmt: skip


def write(drafted: dict[str, Any], out: Path) -> list[Path]:
    """One YAML file per kind of record under `out`, and `named.yaml`: what it matched."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, file in FILES.items():
        target = out / file
        target.write_text(_yaml(drafted[kind]), encoding="utf-8")
        written.append(target)
    named = {k: drafted[k] for k in ("areas", "people_named", "organisations_named")}
    (out / "named.yaml").write_text(_yaml(named), encoding="utf-8")
    return [*written, out / "named.yaml"]


def _yaml(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str]) -> int:
    """`python -m seeds draft PATH --slug S --title T [--published P] [--kind K] [--out D]`"""
    parser = argparse.ArgumentParser(
        prog="python -m seeds draft",
        description="Draft the records of a new source document for a curator to review.",
    )
    parser.add_argument("path", type=Path, help="the document: UTF-8 text")
    parser.add_argument("--slug", required=True, help="the new source's slug")
    parser.add_argument("--title", required=True)
    parser.add_argument("--published", help="its date, as a partial ISO date (2014-05-07)")
    parser.add_argument("--kind", default="news_article", choices=[k.value for k in SourceKind])
    parser.add_argument("--data-dir", type=Path, help="the curated files (seeds/data)")
    parser.add_argument("--out", type=Path, help="where to write (drafts/<slug>)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or SEEDS_DIR / "data"
    records = {
        kind: yaml.safe_load((data_dir / file).read_text(encoding="utf-8"))
        for kind, file in (("people", "people.yaml"), ("organisations", "organisations.yaml"),
                           ("areas", "areas.yaml"), ("events", "events.yaml"),
                           ("quotes", "quotes.yaml"), ("sources", "sources.yaml"))
    }  # fmt: skip
    try:
        drafted = draft(
            args.path, slug=args.slug, title=args.title, known=Known.of(records),
            published=args.published, kind=args.kind,
        )  # fmt: skip
    except (OSError, UnicodeDecodeError) as exc:
        print(f"draft error: {args.path}: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # a --published that is no date
        print(f"draft error: --published {args.published!r}: {exc}", file=sys.stderr)
        return 1
    out = args.out or Path("drafts") / args.slug
    for path in write(drafted, out):
        print(f"wrote {path}")
    counts = ", ".join(
        f"{len(drafted[k])} {k.replace('new_', 'new ')}" for k in FILES if k != "sources"
    )
    print(f"drafted {counts}; named {len(drafted['areas'])} known areas.")
    print("Review each record, add it to its file, and remove its `draft: true`.")
    return 0
