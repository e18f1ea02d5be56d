"""Everything the events are drawn from: sizes, reference records, source texts."""

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from random import Random

from app.core.models import Ref
from app.sources.models import SourceKind
from bench.scale import catalogue, named
from bench.scale import vocabulary as v
from bench.scale.draw import Weighted
from bench.scale.texts import Names, SourceText, source_text

# Search documents are numbered in the order the indexer writes them, kind by kind.
DOCUMENT_ORDER = ("event", "programme", "area", "quote", "person", "organisation", "source")
EVENTS_PER_SOURCE = 1000


@dataclass(frozen=True)
class Sizes:
    events: int
    quotes: int
    sources: int
    organisations: int
    people: int
    programmes: int
    areas: int

    @classmethod
    def for_events(cls, events: int, areas: int) -> "Sizes":
        return cls(
            events=events,
            quotes=events // 5,
            sources=max(3, math.ceil(events / EVENTS_PER_SOURCE)),
            organisations=min(300, max(40, 20 + events // 40)),
            people=min(400, max(30, 20 + events // 30)),
            programmes=min(250, max(15, events // 50)),
            areas=areas,
        )

    @cached_property
    def _offsets(self) -> dict[str, int]:
        offsets, total = {}, 0
        for kind in DOCUMENT_ORDER:
            offsets[kind] = total
            total += self.counts()[kind]
        return offsets

    def document_id(self, kind: str, record_id: int) -> int:
        return self._offsets[kind] + record_id

    def counts(self) -> dict[str, int]:
        """Records per kind, as the curated loader counts them for dataset_version."""
        return {
            "source": self.sources, "organisation": self.organisations, "person": self.people,
            "area": self.areas, "programme": self.programmes, "event": self.events,
            "quote": self.quotes,
        }  # fmt: skip


def _ranks(names: list[tuple[str, str]]) -> list[int]:
    """Each record's place in (name, slug) order: how the API lists linked records."""
    order = sorted(range(len(names)), key=names.__getitem__)
    ranks = [0] * len(names)
    for rank, index in enumerate(order):
        ranks[index] = rank
    return ranks


@dataclass
class World:
    sizes: Sizes
    areas: list[catalogue.Area]
    orgs: list[catalogue.Org]
    people: list[catalogue.Person]
    programmes: list[catalogue.Programme]
    sources: list[SourceText] = field(default_factory=list)
    source_rows: list[tuple[str, str | None, str]] = field(default_factory=list)  # date, by, kind
    source_refs: list[Ref] = field(default_factory=list)  # slug and title
    next_citation: int = 1

    def __post_init__(self) -> None:
        self.area_draw = Weighted([catalogue.AREA_WEIGHTS.get(a.slug, 1) for a in self.areas])
        self.org_draw = Weighted([catalogue.ORG_WEIGHTS.get(o.slug, 1) for o in self.orgs])
        self.place_draw = Weighted([w for _, _, w in v.PLACES])
        # A linked area contributes its name and every alias to a document's body.
        self.area_block = ["\n".join([a.name, *a.aliases]) for a in self.areas]
        self.area_rank = _ranks([(a.name, a.slug) for a in self.areas])
        self.org_rank = _ranks([(o.name, o.slug) for o in self.orgs])
        self.person_rank = _ranks([(p.name, p.slug) for p in self.people])
        self.programme_rank = _ranks([(p.name, p.slug) for p in self.programmes])
        self.org_index = {o.slug: i for i, o in enumerate(self.orgs)}
        self.org_short = [o.acronym or o.name for o in self.orgs]
        # References as the documents name them.
        self.area_refs = [Ref(slug=a.slug, name=a.name) for a in self.areas]
        self.org_refs = [Ref(slug=o.slug, name=o.name) for o in self.orgs]
        self.person_refs = [Ref(slug=p.slug, name=p.name) for p in self.people]
        self.programme_refs = [Ref(slug=p.slug, name=p.name) for p in self.programmes]

    def source_of_event(self, event_id: int) -> int:
        return ((event_id - 1) // EVENTS_PER_SOURCE) % len(self.sources)


def build(rng: Random, events: int) -> World:
    areas = catalogue.areas()
    sizes = Sizes.for_events(events, len(areas))
    orgs = named.organisations(rng, sizes.organisations)
    people = named.people(rng, sizes.people, orgs)
    programmes = named.programmes(rng, sizes.programmes)
    # The catalogue may hold more curated records than the formula asks for.
    sizes = Sizes(
        events, sizes.quotes, sizes.sources, len(orgs), len(people), len(programmes), len(areas)
    )
    world = World(sizes, areas, orgs, people, programmes)
    names = Names(
        organisations=world.org_short,
        people=[(p.name, p.roles[0][0]) for p in people],
        programmes=[p.name for p in programmes],
    )
    kinds = list(SourceKind)
    first, last = date(1995, 1, 1).toordinal(), date(2026, 6, 30).toordinal()
    for i in range(1, sizes.sources + 1):
        published = date.fromordinal(rng.randint(first, last))
        place = v.PLACES[world.place_draw.one(rng)][0]
        dateline = f"{place}, {published.day} {v.MONTHS[published.month - 1]} {published.year}"
        text = source_text(rng, names, dateline)
        kind = kinds[rng.randrange(len(kinds))]
        publisher = v.PUBLISHERS[rng.randrange(len(v.PUBLISHERS))]
        world.sources.append(text)
        world.source_rows.append((published.isoformat(), publisher, str(kind)))
        slug = f"{kind.replace('_', '-')}-{published.isoformat()}-{i}"
        world.source_refs.append(Ref(slug=slug, name=text.title))
    return world
