"""How well drafting finds what curators wrote: each of the five documents drafted as if
it were new (the records that only it cites unknown), against its curated records."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from seeds.drafting.candidates import Known, slugify
from seeds.drafting.draft import draft
from seeds.plan import locate
from seeds.reading import SEEDS_DIR

KINDS = ("quotes", "people", "organisations", "areas", "events")
# The same, counting only what the curated files did not know: the records a new document
# brings, which the draft must discover rather than recognise.
NEW = ("people (new)", "organisations (new)", "areas (new)")


@dataclass
class Score:
    found: int = 0  # curated records the draft proposes
    curated: int = 0
    right: int = 0  # proposals that are curated records
    proposed: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    def add(self, other: "Score") -> None:
        self.found += other.found
        self.curated += other.curated
        self.right += other.right
        self.proposed += other.proposed


def curated(data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    names = ("sources", "quotes", "people", "organisations", "areas", "events")
    return {n: yaml.safe_load((data_dir / f"{n}.yaml").read_text(encoding="utf-8")) for n in names}


def cites(record: dict[str, Any], source: str) -> bool:
    return record.get("source") == source or any(
        c["source"] == source for c in record.get("citations", [])
    )


def measure(data_dir: Path | None = None, sources_dir: Path | None = None) -> dict[str, Score]:
    """Recall and precision per kind, summed over the five documents."""
    data_dir, sources_dir = data_dir or SEEDS_DIR / "data", sources_dir or SEEDS_DIR / "sources"
    records = curated(data_dir)
    totals = {kind: Score() for kind in (*KINDS, *NEW)}
    for source in records["sources"]:
        slug = source["slug"]
        # As if new: what only this document gives the dataset is not known yet.
        known = Known.of(
            {
                kind: [r for r in records[kind] if not _only(r, slug)]
                for kind in ("people", "organisations", "areas")
            }
        )
        path = sources_dir / source["file"]
        text = path.read_text(encoding="utf-8")
        drafted = draft(path, slug=slug, title=source["title"], known=known,
                        published=source.get("published"), kind=source["kind"])  # fmt: skip
        for kind in KINDS:
            totals[kind].add(_score(kind, drafted, records, slug, text))
        for row in NEW:
            kind = row.removesuffix(" (new)")
            fresh = {**records, kind: [r for r in records[kind] if _only(r, slug)]}
            totals[row].add(_score(kind, drafted, fresh, slug, text, new_only=True))
    return totals


def _only(record: dict[str, Any], source: str) -> bool:
    cited = {c["source"] for c in record.get("citations", [])}
    return cited == {source}


def _score(
    kind: str, drafted: dict[str, Any], records: dict[str, Any], source: str, text: str,
    *, new_only: bool = False,
) -> Score:  # fmt: skip
    """Proposals matched one to one with curated records: a curated record is found by at
    most one proposal, and a second proposal of the same record counts as wrong."""
    wanted = [r for r in records[kind] if cites(r, source)]
    if kind in ("quotes", "events"):
        proposals = drafted[kind]
    else:
        new = drafted["new_areas"] if kind == "areas" else drafted[kind]
        named = drafted["areas"] if kind == "areas" else drafted[f"{kind}_named"]
        proposals = new if new_only else [{"slug": s, "name": ""} for s in named] + new
    claimed: set[int] = set()
    for record in wanted:
        for i, proposal in enumerate(proposals):
            if i not in claimed and _same(kind, proposal, record, source, text):
                claimed.add(i)
                break
    return Score(len(claimed), len(wanted), len(claimed), len(proposals))


def _same(
    kind: str, drafted: dict[str, Any], record: dict[str, Any], source: str, text: str
) -> bool:
    """Whether a proposal is the curated record: a quote by its words, an event by the
    sentence it cites, anything else by its slug or its name (an area's aliases too)."""
    if kind == "quotes":  # the words, and who said them
        said_by = (
            drafted["speaker"] == record["speaker"]
            if record.get("speaker")
            else drafted["speaker_organisation"] == record.get("speaker_organisation")
        )
        return said_by and _overlap(drafted["text"], record["text"])
    if kind == "events":
        return _spans_meet(drafted, record, source, text)
    names = {slugify(n) for n in (record["name"], *record.get("aliases", []))}
    return drafted["slug"] == record["slug"] or slugify(drafted["name"]) in names


def _overlap(drafted: str, curated: str) -> bool:
    a, b = drafted.strip(" .").lower(), curated.strip(" .").lower()
    if a in b or b in a:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) / max(1, len(words_a | words_b)) >= 0.6


def _spans_meet(drafted: dict[str, Any], curated: dict[str, Any], source: str, text: str) -> bool:
    spans = [
        (at, at + len(c["evidence"]))
        for c in curated.get("citations", [])
        if c["source"] == source
        for at in locate(text, c["evidence"])[:1]
    ]
    for c in drafted["citations"]:
        start = text.find(c["evidence"])
        end = start + len(c["evidence"])
        if any(start < e and s < end for s, e in spans):
            return True
    return False


def table(scores: dict[str, Score]) -> str:
    lines = ["| kind | recall | precision | found / curated | right / proposed |",
             "|---|---:|---:|---:|---:|"]  # fmt: skip
    for kind, s in scores.items():
        lines.append(
            f"| {kind} | {s.recall:.0%} | {s.precision:.0%} | {s.found} / {s.curated} | "
            f"{s.right} / {s.proposed} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure()))
