"""Rows of the reference records: sources, organisations, people, areas, programmes."""

import hashlib
import json
from random import Random

from bench.scale.catalogue import Programme
from bench.scale.rows import Batch, Row, citation, document, join
from bench.scale.spans import in_force
from bench.scale.texts import SourceText
from bench.scale.world import World


def _mention(rng: Random, world: World, phrases: list[str]) -> tuple[int, tuple[int, int]]:
    """A sentence naming one of `phrases` in a nearby source, else any run of words."""
    sources = world.sources
    first = rng.randrange(len(sources))
    for step in range(min(8, len(sources))):
        index = (first + step) % len(sources)
        text = sources[index]
        for phrase in phrases:
            at = text.text.find(phrase)
            if at < 0:
                continue
            start, end = text.sentence_span(text.sentence_at(at))
            if start <= at and at + len(phrase) <= end:
                return index, (start, end)
            return index, (at, at + len(phrase))
    return first, sources[first].window(rng)


def _cite(rng: Random, world: World, kind: str, owner: int, phrases: list[str]) -> list[Row]:
    """One or two citations: a sentence naming the record, perhaps another passage."""
    cuts = [_mention(rng, world, phrases)]
    if rng.random() < 0.5:
        other = rng.randrange(len(world.sources))
        cuts.append((other, world.sources[other].window(rng)))
    rows = []
    for position, (index, span) in enumerate(cuts):
        text = world.sources[index].text
        rows.append(citation(world.next_citation, index + 1, text, span, position, kind, owner))
        world.next_citation += 1
    return rows


def _evidence(rows: list[Row]) -> str:
    return join(*(r[2] for r in rows))


def reference_batch(rng: Random, world: World) -> Batch:
    """Every reference record with its links, citations and search documents."""
    batch: Batch = {t: [] for t in (
        "source", "organisation", "person", "person_role", "cooperation_area", "programme",
        "programme_area", "programme_organisation", "citation", "search_document",
    )}  # fmt: skip
    docs, sizes = batch["search_document"], world.sizes
    for i, (text, (published, publisher, kind), ref) in enumerate(
        zip(world.sources, world.source_rows, world.source_refs, strict=True), start=1
    ):
        slug = ref.slug
        batch["source"].append(_source_row(i, slug, text, published, publisher, kind))
        docs.append(document(sizes.document_id("source", i), "source", i, slug, text.title,
                             join(publisher, text.text)))  # fmt: skip
    for o in world.orgs:
        parent = world.orgs[world.org_index[o.parent]].id if o.parent else None
        batch["organisation"].append((o.id, o.slug, o.name, o.acronym, o.kind, o.country, parent))
        batch["citation"] += _cite(rng, world, "organisation", o.id, [o.name, o.acronym or o.name])
        body = join(o.acronym, o.kind.replace("_", " "), o.country)
        docs.append(document(sizes.document_id("organisation", o.id), "organisation", o.id,
                             o.slug, o.name, body))  # fmt: skip
    role_id = 0
    for p in world.people:
        batch["person"].append((p.id, p.slug, p.name, p.country))
        for position, (title, org) in enumerate(p.roles):
            role_id += 1
            org_id = world.orgs[world.org_index[org]].id if org else None
            batch["person_role"].append((role_id, p.id, title, org_id, position))
        batch["citation"] += _cite(rng, world, "person", p.id, [p.name])
        body = join(*(title for title, _ in p.roles), p.country)
        docs.append(document(sizes.document_id("person", p.id), "person", p.id, p.slug, p.name,
                             body))  # fmt: skip
    by_slug = {a.slug: a.id for a in world.areas}
    for a in world.areas:
        parent = by_slug[a.parent] if a.parent else None
        batch["cooperation_area"].append(
            (a.id, a.slug, a.name, a.description, json.dumps(a.aliases), parent)
        )
        cited = _cite(rng, world, "area", a.id, [*a.aliases, a.phrase])
        batch["citation"] += cited
        body = join(a.description, *a.aliases, _evidence(cited))
        docs.append(document(sizes.document_id("area", a.id), "area", a.id, a.slug, a.name, body))
    for programme in world.programmes:
        _programme(rng, world, programme, batch)
    return batch


def _source_row(
    i: int, slug: str, text: SourceText, published: str, publisher: str | None, kind: str
) -> Row:
    sha = hashlib.sha256(text.text.encode("utf-8")).hexdigest()
    file_name = f"synthetic/{i:05d}_{sha[:16]}.txt"
    return (i, slug, text.title, publisher, published, "day", kind, file_name, None, sha, text.text)


def _programme(rng: Random, world: World, p: Programme, batch: Batch) -> None:
    span, open_ended = in_force(rng)
    areas = world.area_draw.distinct(rng, rng.randint(1, 4))
    orgs = world.org_draw.distinct(rng, rng.randint(1, 2))
    predecessor = rng.randrange(1, p.id) if p.id > 1 and rng.random() < 0.2 else None
    priority = rng.randint(5, 16) if p.kind == "partnership_programme" else None
    phrases = [world.areas[i].phrase for i in areas]
    kind = p.kind.replace("_", " ")
    description = (
        f"{'An' if kind[0] in 'aeiou' else 'A'} {kind} between NATO and its partners on "
        f"{', '.join(phrases[:-1]) + ' and ' if len(phrases) > 1 else ''}{phrases[-1]}."
    )
    batch["programme"].append((p.id, p.slug, p.name, p.acronym, p.kind, description, priority,
                               open_ended, predecessor, *span))  # fmt: skip
    batch["programme_area"] += [(p.id, world.areas[i].id) for i in sorted(areas)]
    batch["programme_organisation"] += [(p.id, world.orgs[i].id) for i in sorted(orgs)]
    cited = _cite(rng, world, "programme", p.id, [p.name, p.acronym or p.name])
    batch["citation"] += cited
    body = join(
        p.acronym, description, kind,
        *(world.area_block[i] for i in sorted(areas, key=world.area_rank.__getitem__)),
        *(world.orgs[i].name for i in sorted(orgs, key=world.org_rank.__getitem__)),
        _evidence(cited),
    )  # fmt: skip
    batch["search_document"].append(
        document(
            world.sizes.document_id("programme", p.id), "programme", p.id, p.slug, p.name, body
        )
    )
