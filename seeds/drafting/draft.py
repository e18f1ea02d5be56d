"""Draft the records of a new document, and write them where a curator reviews them."""

import argparse
import hashlib
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.core.dates import parse_partial
from app.core.models import SLUG, SLUG_MAX_LENGTH
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
    return _citable(
        known,
        {
            "sources": [source],
            "quotes": quote_records(drafter, kind),
            "people": drafter.person_records(),
            "organisations": drafter.organisation_records(),
            "events": drafter.event_records(),
            "new_areas": drafter.area_records(),
            "areas": drafter.area_slugs(),  # known areas the document names: links, not records
            "people_named": sorted({m.slug for m in drafter.people if m.known}),
            "organisations_named": sorted({m.slug for m in drafter.organisations if m.known}),
        },
    )


def _citable(known: Known, drafted: dict[str, Any]) -> dict[str, Any]:
    """The draft without the records no evidence of which occurs once in the document (a
    paragraph it repeats), and without quotes whose speaker was one of them."""
    for kind in ("people", "organisations", "new_areas", "events", "quotes"):
        drafted[kind] = [
            r for r in drafted[kind] if all(c["evidence"] is not None for c in r["citations"])
        ]
    people = known.slugs.get("people", set()) | {p["slug"] for p in drafted["people"]}
    bodies = known.slugs.get("organisations", set()) | {o["slug"] for o in drafted["organisations"]}
    for quote in drafted["quotes"]:
        if quote["speaker"] is not None and quote["speaker"] not in people:
            quote["speaker"] = quote["speaker_role"] = None
        if quote["speaker_organisation"] not in bodies:
            quote["speaker_organisation"] = None
    drafted["quotes"] = [
        q
        for q in drafted["quotes"]
        if q["speaker"] or q["speaker_organisation"] or q["speaker_role"]
    ]
    return drafted


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
    """YAML a curator reads easily, unless a character would not read back the same (a
    NEL, U+0085, written raw, reads back as a space): then every such character escaped."""
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)
    if yaml.safe_load(text) != value:
        text = yaml.safe_dump(value, allow_unicode=False, sort_keys=False, width=100)
    return text


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
    try:
        records = {
            kind: yaml.safe_load((data_dir / file).read_text(encoding="utf-8")) or []
            for kind, file in (("people", "people.yaml"), ("organisations", "organisations.yaml"),
                               ("areas", "areas.yaml"), ("events", "events.yaml"),
                               ("quotes", "quotes.yaml"), ("sources", "sources.yaml"))
        }  # fmt: skip
    except (OSError, yaml.YAMLError) as exc:
        print(f"draft error: the curated files in {data_dir}: {exc}", file=sys.stderr)
        return 1
    taken = {s["slug"] for s in records["sources"]} | {s["file"] for s in records["sources"]}
    if not re.fullmatch(SLUG, args.slug) or len(args.slug) > SLUG_MAX_LENGTH:
        print(f"draft error: --slug {args.slug!r} is not a slug (lowercase words joined by "
              "hyphens)", file=sys.stderr)  # fmt: skip
        return 1
    if args.slug in taken or args.path.name in taken:
        print(f"draft error: a source already has the slug {args.slug!r} or the file "
              f"{args.path.name!r}", file=sys.stderr)  # fmt: skip
        return 1
    try:
        if args.published is not None:
            parse_partial(args.published)
    except ValueError as exc:
        print(f"draft error: --published {args.published!r}: {exc}", file=sys.stderr)
        return 1
    try:
        drafted = draft(
            args.path, slug=args.slug, title=args.title, known=Known.of(records),
            published=args.published, kind=args.kind,
        )  # fmt: skip
    except (OSError, UnicodeDecodeError) as exc:
        print(f"draft error: {args.path}: {exc}", file=sys.stderr)
        return 1
    out = args.out or Path("drafts") / args.slug
    try:
        for path in write(drafted, out):
            print(f"wrote {path}")
    except OSError as exc:
        print(f"draft error: cannot write to {out}: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(drafted[k])} {k.replace('new_', 'new ')}" for k in FILES if k != "sources"
    )
    print(f"drafted {counts}; named {len(drafted['areas'])} known areas.")
    print("Review each record, add it to its file, and remove its `draft: true`.")
    return 0
