"""Turn validated records into the database's desired state, proving every citation.

The plan is plain data: columns, references by slug, link sets and citations with the
offsets the loader computed itself. The writer compares it with what the database holds.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.dates import Precision, parse_partial
from seeds.basis import FIELDS, Basis, BasisError, Names, bases, values_of
from seeds.errors import SeedError
from seeds.reading import (
    FILES,
    SEEDS_DIR,
    dataset_version,
    display_path,
    read_records,
    read_source_text,
)
from seeds.records import (
    AreaIn,
    CitationIn,
    DateIn,
    EventIn,
    OrganisationIn,
    PersonIn,
    ProgrammeIn,
    QuoteIn,
    SourceIn,
)

# Kinds in write order: each refers only to kinds before it (or to itself).
KINDS = ("source", "organisation", "person", "area", "programme", "event", "quote")
KIND_FILES = dict(zip(KINDS, FILES, strict=True))


@dataclass
class RecordState:
    """What one record should look like; comparable with what the database holds."""

    columns: dict[str, Any]
    refs: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # column → (kind, slug)
    links: dict[str, list[str]] = field(default_factory=dict)
    citations: list[tuple[str, str, int, int]] = field(default_factory=list)
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    bases: list[Basis] = field(default_factory=list)


@dataclass
class Plan:
    version: str
    records: dict[str, dict[str, RecordState]]  # kind → slug → state
    texts: dict[str, str]  # source slug → text
    formerly: dict[str, dict[str, str]] = field(default_factory=dict)  # kind → old → slug

    def counts(self) -> dict[str, int]:
        return {kind: len(states) for kind, states in self.records.items()}


def locate(text: str, evidence: str) -> list[int]:
    """Every start offset of `evidence` in `text`, overlapping matches included."""
    found, at = [], text.find(evidence)
    while at != -1:
        found.append(at)
        at = text.find(evidence, at + 1)
    return found


def span_columns(value: DateIn | None) -> dict[str, Any]:
    """Span columns for a curated date: first day of `start` to last day of `end`."""
    if value is None:
        keys = ("start_date", "start_precision", "end_date", "end_precision")
        return {**dict.fromkeys(keys), "date_label": None, "date_note": None}
    start, _, start_precision = parse_partial(value.start)
    _, end, end_precision = parse_partial(value.end or value.start)
    if end < start:
        raise ValueError(f"ends ({value.end}) before it starts ({value.start})")
    if value.approximate:
        start_precision = end_precision = Precision.approximate
    columns: dict[str, Any] = {
        "start_date": start,
        "start_precision": str(start_precision),
        "end_date": end,
        "end_precision": str(end_precision),
        "date_label": value.label,
        "date_note": value.note,
    }
    if value.open_ended:
        columns["end_date"] = columns["end_precision"] = None
    return columns


class _Planner:
    def __init__(self, data_dir: Path, sources_dir: Path) -> None:
        self.data_dir, self.sources_dir = data_dir, sources_dir
        self.records: dict[str, dict[str, RecordState]] = {kind: {} for kind in KINDS}
        self.texts: dict[str, str] = {}
        self.formerly: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        self.file = ""
        self.label = ""

    def _file(self, kind: str) -> str:
        return display_path(self.data_dir / KIND_FILES[kind])

    def fail(self, message: str, field: str | None = None) -> SeedError:
        return SeedError(self.file, message, record=self.label, field=field)

    def run(self) -> Plan:
        loaded = {
            kind: read_records(self.data_dir / name, FILES[name])
            for kind, name in KIND_FILES.items()
        }
        handlers: dict[str, Callable[[Any], RecordState]] = {
            "source": self._source, "organisation": self._organisation, "person": self._person,
            "area": self._area, "programme": self._programme, "event": self._event,
            "quote": self._quote,
        }  # fmt: skip
        for kind in KINDS:
            self.file = self._file(kind)
            for index, record in enumerate(loaded[kind], start=1):
                self.label = f"#{index} ({record.slug!r})"  # type: ignore[attr-defined]
                if record.draft:  # type: ignore[attr-defined]
                    raise self.fail("a draft: review it, then remove `draft: true`", "draft")
                try:
                    state = handlers[kind](record)
                except ValueError as exc:
                    raise self.fail(str(exc), field="date") from None
                if kind in FIELDS:
                    state.bases = self._bases(kind, record, state)
                self.records[kind][record.slug] = state  # type: ignore[attr-defined]
                self._former(kind, record)
        self._check_references()
        self._check_former()
        self._merge_programme_events(loaded["programme"])  # type: ignore[arg-type]
        version = dataset_version(self.data_dir, self.sources_dir)
        return Plan(version, self.records, self.texts, self.formerly)

    # -- per kind -------------------------------------------------------------------

    def _source(self, r: SourceIn) -> RecordState:
        text = read_source_text(
            self.sources_dir / r.file, r.sha256, file=self.file, record=self.label
        )
        self.texts[r.slug] = text
        published = parse_partial(r.published) if r.published else None
        return RecordState(
            columns={
                "title": r.title,
                "publisher": r.publisher,
                "kind": r.kind,
                "file_name": r.file,
                "url": r.url,
                "sha256": r.sha256,
                "text": text,
                "published_date": published[0] if published else None,
                "published_precision": str(published[2]) if published else None,
            }  # fmt: skip
        )

    def _organisation(self, r: OrganisationIn) -> RecordState:
        return RecordState(
            columns={
                "name": r.name,
                "acronym": r.acronym,
                "kind": r.kind,
                "country": r.country,
                "note": r.note,
            },  # fmt: skip
            refs={"parent_id": ("organisation", r.parent)},
            citations=self._citations(r.citations),
        )

    def _person(self, r: PersonIn) -> RecordState:
        for i, role in enumerate(r.roles):
            self._require("organisation", role.organisation, f"roles[{i}].organisation")
        return RecordState(
            columns={"name": r.name, "country": r.country, "note": r.note},
            roles=[(role.title, role.organisation) for role in r.roles],
            citations=self._citations(r.citations),
        )

    def _area(self, r: AreaIn) -> RecordState:
        for i, alias in enumerate(r.aliases):
            if not any(alias.lower() in text.lower() for text in self.texts.values()):
                raise self.fail(f"alias {alias!r} occurs in no source document", f"aliases[{i}]")
        return RecordState(
            columns={
                "name": r.name,
                "description": r.description,
                "aliases": list(r.aliases),
                "note": r.note,
            },
            refs={"parent_id": ("area", r.parent)},
            citations=self._citations(r.citations),
        )

    def _programme(self, r: ProgrammeIn) -> RecordState:
        return RecordState(
            columns={
                "name": r.name,
                "acronym": r.acronym,
                "kind": r.kind,
                "description": r.description,
                "priority_areas": r.priority_areas,
                "note": r.note,
                "open_ended": bool(r.in_force and r.in_force.open_ended),
                **span_columns(r.in_force),
            },  # fmt: skip
            refs={"predecessor_id": ("programme", r.predecessor)},
            links={"areas": sorted(set(r.areas)), "organisations": sorted(set(r.organisations))},
            citations=self._citations(r.citations),
        )

    def _event(self, r: EventIn) -> RecordState:
        return RecordState(
            columns={
                "title": r.title,
                "summary": r.summary,
                "kind": r.kind,
                "place_name": r.place.name,
                "place_country": r.place.country,
                "note": r.note,
                **span_columns(r.date),
            },  # fmt: skip
            links={
                "areas": sorted(set(r.areas)),
                "programmes": sorted(set(r.programmes)),
                "people": sorted(set(r.people)),
                "organisations": sorted(set(r.organisations)),
            },
            citations=self._citations(r.citations),
        )

    def _quote(self, r: QuoteIn) -> RecordState:
        self._require("source", r.source, "source")
        start = self._find(r.source, r.text, "text")
        own = (r.source, r.text, start, start + len(r.text))
        if r.speaker is None and r.speaker_organisation is None and r.speaker_role is None:
            # An unnamed speaker whose body the text does not give ("Officials involved in
            # preparing the meetings") is attributed by their role alone.
            raise self.fail(
                "a quote needs a speaker, a speaker_organisation or a speaker_role", "speaker"
            )
        self._require("person", r.speaker, "speaker")
        self._require("organisation", r.speaker_organisation, "speaker_organisation")
        return RecordState(
            columns={
                "text": r.text,
                "mode": r.mode,
                "speaker_role": r.speaker_role,
                "note": r.note,
                "text_start": start,
                "text_end": start + len(r.text),
                **span_columns(r.date),
            },  # fmt: skip
            refs={
                "source_id": ("source", r.source),
                "speaker_id": ("person", r.speaker),
                "speaker_organisation_id": ("organisation", r.speaker_organisation),
                "event_id": ("event", r.event),
            },
            links={"areas": sorted(set(r.areas))},
            citations=[own, *self._citations(r.citations)],
        )

    # -- helpers --------------------------------------------------------------------

    def _bases(self, kind: str, record: Any, state: RecordState) -> list[Basis]:
        """What each value of `record` rests on, checked against its evidence."""
        for slug in record.areas if hasattr(record, "areas") else ():
            self._require("area", slug, "areas")
        names = Names(
            people={s: p.columns["name"] for s, p in self.records["person"].items()},
            organisations={
                s: (o.columns["name"], o.columns["acronym"])
                for s, o in self.records["organisation"].items()
            },
            areas={
                s: [a.columns["name"], *a.columns["aliases"]]
                for s, a in self.records["area"].items()
            },
        )
        # A record's evidence, one citation per line (no match runs across two); a
        # quote's first citation is its own text, the others attribute it.
        evidence = "\n".join(words for _, words, _, _ in state.citations)
        attribution = None
        if kind == "quote":
            attribution = "\n".join(words for _, words, _, _ in state.citations[1:])
        try:
            return bases(
                kind,
                record,
                values_of(kind, record, evidence, names, attribution),
                self.formerly["area"],
            )
        except BasisError as exc:
            raise self.fail(str(exc), exc.field) from None

    def _citations(self, citations: list[CitationIn]) -> list[tuple[str, str, int, int]]:
        out = []
        for i, c in enumerate(citations):
            self._require("source", c.source, f"citations[{i}].source")
            start = self._find(c.source, c.evidence, f"citations[{i}].evidence")
            out.append((c.source, c.evidence, start, start + len(c.evidence)))
        return out

    def _find(self, source: str, evidence: str, field: str) -> int:
        hits = locate(self.texts[source], evidence)
        if not hits:
            raise self.fail(f"{evidence!r} is not in source {source!r}", field)
        if len(hits) > 1:
            raise self.fail(
                f"{evidence!r} is ambiguous: it occurs {len(hits)} times in source {source!r} "
                f"(at {', '.join(map(str, hits))}); quote more words to make it unique",
                field,
            )
        return hits[0]

    def _require(self, kind: str, slug: str | None, field: str) -> None:
        if slug is not None and slug not in self.records[kind]:
            raise self.fail(f"no {kind} with slug {slug!r}", field)

    def _former(self, kind: str, record: Any) -> None:
        for i, old in enumerate(record.formerly):
            if old == record.slug:
                raise self.fail("a record's former slug cannot be its slug", f"formerly[{i}]")
            claimed = self.formerly[kind].setdefault(old, record.slug)
            if claimed != record.slug:
                raise self.fail(
                    f"{old!r} is already a former slug of {claimed!r}", f"formerly[{i}]"
                )

    def _check_former(self) -> None:
        # A former slug must name no record of today: its address would lead two ways.
        for kind in KINDS:
            position = {slug: i for i, slug in enumerate(self.records[kind], start=1)}
            for old, slug in self.formerly[kind].items():
                if old in self.records[kind]:
                    self.file, self.label = self._file(kind), f"#{position[slug]} ({slug!r})"
                    raise self.fail(f"{old!r} is the slug of another {kind}", "formerly")

    def _check_references(self) -> None:
        link_kinds = {
            "areas": "area", "organisations": "organisation", "programmes": "programme",
            "people": "person",
        }  # fmt: skip
        for kind in KINDS:
            self.file = self._file(kind)
            for index, (slug, state) in enumerate(self.records[kind].items(), start=1):
                self.label = f"#{index} ({slug!r})"
                for column, (target, ref) in state.refs.items():
                    self._require(target, ref, column.removesuffix("_id"))
                    if target == kind and ref == slug:
                        raise self.fail(
                            "a record cannot refer to itself", column.removesuffix("_id")
                        )
                for name, slugs in state.links.items():
                    for ref in slugs:
                        self._require(link_kinds[name], ref, name)
        self._check_cycles("area", "parent_id")
        self._check_cycles("organisation", "parent_id")
        self._check_cycles("programme", "predecessor_id")

    def _check_cycles(self, kind: str, column: str) -> None:
        states = self.records[kind]
        for slug in states:
            seen, at = {slug}, states[slug].refs[column][1]
            while at is not None:
                if at in seen:
                    self.file, self.label = self._file(kind), repr(slug)
                    raise self.fail(
                        "the chain of references loops back", column.removesuffix("_id")
                    )
                seen.add(at)
                at = states[at].refs[column][1]

    def _merge_programme_events(self, programmes: list[ProgrammeIn]) -> None:
        # A programme's `events` and an event's `programmes` describe one link; keep the union.
        self.file = self._file("programme")
        for index, programme in enumerate(programmes, start=1):
            self.label = f"#{index} ({programme.slug!r})"
            for i, event in enumerate(programme.events):
                self._require("event", event, f"events[{i}]")
                links = self.records["event"][event].links["programmes"]
                if programme.slug not in links:
                    links.append(programme.slug)
                    links.sort()


def build_plan(data_dir: Path | None = None, sources_dir: Path | None = None) -> Plan:
    """Read and verify the whole dataset; raise SeedError on the first problem found."""
    return _Planner(data_dir or SEEDS_DIR / "data", sources_dir or SEEDS_DIR / "sources").run()
