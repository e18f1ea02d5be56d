"""Event and quote rows, one chunk of events at a time."""

import string
from random import Random

from app.citations.models import CitationPublic
from app.core.models import Ref
from app.events.models import EventKind
from app.quotes.models import quote_label
from bench.scale import vocabulary as v
from bench.scale.draw import uniform_distinct
from bench.scale.phrases import EXTRAS, TITLES, VERBS
from bench.scale.rendering import EventParts, event_document, quote_document
from bench.scale.rows import Batch, citation, document, join, slugify
from bench.scale.spans import Span, day_span
from bench.scale.timeline import KINDS, Timeline
from bench.scale.world import World

assert set(KINDS) == {str(k) for k in EventKind}
_NEEDS = {
    t: {f for _, f, _, _ in string.Formatter().parse(t) if f} for ts in TITLES.values() for t in ts
}


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def event_batch(rng: Random, world: World, timeline: Timeline, first: int, last: int) -> Batch:
    """Events `first`..`last` (ids, inclusive), their links, citations, quotes, documents.

    Their kinds and dates come from `timeline`, in date order; the rest from `rng`."""
    batch: Batch = {t: [] for t in (
        "event", "event_area", "event_programme", "event_person", "event_organisation",
        "quote", "quote_area", "citation", "search_document", "csv_line",
    )}  # fmt: skip
    events = {
        event_id: _event(rng, world, event_id, *timeline.event(event_id), batch)
        for event_id in range(first, last + 1)
    }
    for quote_id in range((first + 4) // 5, last // 5 + 1):
        _quote(rng, world, quote_id, events[quote_id * 5], batch)
    # An event's document names its quotes, so it is rendered once they are drawn.
    for e in events.values():
        rendered, line = event_document(e)
        batch["event"].append((*e.row, rendered))
        batch["csv_line"].append(("event", e.row[0], line))
    return batch


def _event(
    rng: Random, world: World, event_id: int, kind: str, span: Span, batch: Batch
) -> EventParts:
    template = TITLES[kind][rng.randrange(2)]
    needs = _NEEDS[template]
    place = v.PLACES[world.place_draw.one(rng)] if "place" in needs or rng.random() < 0.85 else None
    draw = rng.random()
    areas = world.area_draw.distinct(
        rng, 3 if draw > 0.85 else 2 if draw > 0.5 or "area2" in needs else 1
    )
    draw = rng.random()
    people = uniform_distinct(
        rng, len(world.people), 2 if draw > 0.8 else 1 if draw > 0.4 or "person" in needs else 0
    )
    orgs = world.org_draw.distinct(rng, 2 if "org2" in needs or rng.random() < 0.4 else 1)
    programmes = (
        [rng.randrange(len(world.programmes))]
        if "programme" in needs or rng.random() < 0.25
        else []
    )
    slots = {
        "org": world.org_short[orgs[0]], "org2": world.org_short[orgs[-1]],
        "area": world.areas[areas[0]].phrase, "area2": world.areas[areas[-1]].phrase,
        "person": world.people[people[0]].name if people else "",
        "place": place[0] if place else "",
        "programme": world.programmes[programmes[0]].name if programmes else "",
    }  # fmt: skip
    if "exercise" in needs:
        slots["exercise"] = v.EXERCISES[rng.randrange(len(v.EXERCISES))]
        slots["year"] = span[0][:4] if span[0] else str(rng.randint(1995, 2026))
    if "disaster" in needs:
        slots["disaster"] = v.DISASTERS[rng.randrange(len(v.DISASTERS))]
    title = template.format_map(slots)
    title = title[0].upper() + title[1:]
    subject = _listed([world.orgs[i].name for i in orgs])
    if people:
        subject += f", represented by {_listed([world.people[i].name for i in people])},"
    where = f" in {place[0]}" if place else ""
    summary = f"{subject} {VERBS[kind]} {_listed([world.areas[i].phrase for i in areas])}{where}."
    extra = EXTRAS[rng.randrange(len(EXTRAS))]
    if extra:
        topic = v.TOPICS[rng.randrange(len(v.TOPICS))]
        named = world.programmes[programmes[0] if programmes else 0].name
        summary += " " + extra.format(topic=topic, programme=named)
    slug = f"{slugify(title, 50)}-{event_id}"
    place_name, country = (place[0], place[1]) if place else (None, None)
    batch["event_area"] += [(event_id, world.areas[i].id) for i in sorted(areas)]
    batch["event_programme"] += [(event_id, world.programmes[i].id) for i in programmes]
    batch["event_person"] += [(event_id, world.people[i].id) for i in sorted(people)]
    batch["event_organisation"] += [(event_id, world.orgs[i].id) for i in sorted(orgs)]
    cuts = [world.source_of_event(event_id)]
    if rng.random() < 0.4:
        cuts.append(rng.randrange(len(world.sources)))
    cited = [_cite(world, index, world.sources[index].window(rng), p, "event", event_id, batch)
             for p, index in enumerate(cuts)]  # fmt: skip
    # Linked records in the order the API lists them: by name, then slug.
    areas.sort(key=world.area_rank.__getitem__)
    people.sort(key=world.person_rank.__getitem__)
    orgs.sort(key=world.org_rank.__getitem__)
    body = join(
        summary, kind.replace("_", " "), place_name, country, span[4] if span[0] else None,
        *(world.area_block[i] for i in areas), *(world.programmes[i].name for i in programmes),
        *(world.people[i].name for i in people), *(world.orgs[i].name for i in orgs),
        *(c.evidence for c in cited),
    )  # fmt: skip
    batch["search_document"].append(
        document(world.sizes.document_id("event", event_id), "event", event_id, slug, title, body)
    )
    return EventParts(
        row=(event_id, slug, title, summary, kind, place_name, country, *span),
        span=span,
        areas=[world.area_refs[i] for i in areas],
        programmes=[world.programme_refs[i] for i in programmes],
        people=[world.person_refs[i] for i in people],
        organisations=[world.org_refs[i] for i in orgs],
        citations=cited,
    )


def _cite(
    world: World, index: int, span: tuple[int, int], position: int, kind: str, owner: int,
    batch: Batch,
) -> CitationPublic:  # fmt: skip
    row = citation(world.next_citation, index + 1, world.sources[index].text, span, position,
                   kind, owner)  # fmt: skip
    world.next_citation += 1
    batch["citation"].append(row)
    return CitationPublic(source=world.source_refs[index].slug, evidence=row[2], start=row[3],
                          end=row[4])  # fmt: skip


def _quote(rng: Random, world: World, quote_id: int, event: EventParts, batch: Batch) -> None:
    """A quotation cut from the event's source, said by the person the text names."""
    index = world.source_of_event(event.row[0])
    source = world.sources[index]
    said = source.quotes[rng.randrange(len(source.quotes))]
    text = source.text[said.start : said.end]
    person = world.people[said.person]
    role, org_slug = person.roles[0]
    org = world.org_index[org_slug] if org_slug else None
    linked = rng.random() < 0.7
    span = event.span if linked and event.span[0] else day_span(rng)
    areas = world.area_draw.distinct(rng, 1 if rng.random() < 0.6 else 2)
    slug = f"{slugify(person.name, 30)}-{slugify(text, 40)}-{quote_id}"
    row = (
        quote_id, slug, text, said.mode, index + 1, said.start, said.end, person.id,
        world.orgs[org].id if org is not None else None, role,
        event.row[0] if linked else None, *span,
    )  # fmt: skip
    batch["quote_area"] += [(quote_id, world.areas[i].id) for i in sorted(areas)]
    cuts = [source.sentence_span(said.sentence)]
    if rng.random() < 0.3:
        cuts.append(source.window(rng))
    cited = [_cite(world, index, cut, p, "quote", quote_id, batch) for p, cut in enumerate(cuts)]
    areas.sort(key=world.area_rank.__getitem__)
    if linked:
        event.quotes.append(Ref(slug=slug, name=quote_label(text)))
    rendered, line = quote_document(
        row, speaker=world.person_refs[said.person],
        organisation=world.org_refs[org] if org is not None else None,
        event=event.ref if linked else None, source=world.source_refs[index],
        areas=[world.area_refs[i] for i in areas], citations=cited,
    )  # fmt: skip
    batch["quote"].append((*row, rendered))
    batch["csv_line"].append(("quote", quote_id, line))
    org_name = world.orgs[org].name if org is not None else None
    body = join(text, person.name, role, org_name, *(world.area_block[i] for i in areas))
    title = f"{person.name}: {quote_label(text, 60)}"
    doc_id = world.sizes.document_id("quote", quote_id)
    batch["search_document"].append(document(doc_id, "quote", quote_id, slug, title, body))
