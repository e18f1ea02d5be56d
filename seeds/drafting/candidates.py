"""Candidate records of a new document (`Drafter`): new people and organisations, the
areas it names and new ones, and events (sentences with a date or a deed); its quotes are
in `quotes`. Each carries evidence that occurs once in the text."""

import re
from datetime import date
from typing import Any

from seeds.drafting.names import (
    STATES,
    TITLES,
    Known,
    Mention,
    first_of_each,
    kind_of,
    mentions,
    new_organisations,
    people_in,
    slugify,
)
from seeds.drafting.text import Span, dates, evidence, sentences

# Where a document lists fields of cooperation, and the bullets it heads with one.
AREA_LIST = re.compile(
    r"\b(?:such as|such areas as|including|ranging from|in the fields? of|areas of)\s+"
    r"([^.;:()]+?)(?=[.;:(]|, as well as|$)"
)
BULLET_HEADING = re.compile(r"•\s+([A-Z][\w ,-]{3,60}?):")
_NOT_AREAS = {"a", "an", "their", "its", "our", "many", "various", "all", "other", "this"}
# What happens in a sentence that reports an event, dated or not.
EVENT_VERBS = re.compile(
    r"\b(?:participat\w*|contribut\w*|designated|became|joined|supported|played a role|"
    r"conducted|signed|adopted|visited|met|hosted|sent|provided|launched|held|attended|"
    r"deployed|invited|agreed)\b"
)


class Drafter:
    def __init__(self, text: str, source: str, published: date | None, known: Known) -> None:
        self.text, self.source, self.published, self.known = text, source, published, known
        self.sentences = sentences(text)
        self.people = people_in(text, known)
        self.organisations = mentions(text, known.organisations) + new_organisations(
            text, known, self.people
        )
        self.areas = mentions(text, known.areas, fold=True)
        self.used = {kind: set(slugs) for kind, slugs in known.slugs.items()}

    def slug(self, kind: str, wanted: str) -> str:
        """`wanted`, or with a number after it if a record of `kind` has it already."""
        used = self.used.setdefault(kind, set())
        slug, n = wanted, 1
        while slug in used:
            n += 1
            slug = f"{wanted}-{n}"
        used.add(slug)
        return slug

    def cite(self, start: int, end: int) -> dict[str, str | None]:
        """A citation of [start, end): its evidence None when no span around it occurs
        once in the document (`draft` then leaves the record out)."""
        return {"source": self.source, "evidence": evidence(self.text, start, end)}

    # -- people and organisations ----------------------------------------------------

    def person_records(self) -> list[dict[str, Any]]:
        records = []
        for mention in first_of_each([m for m in self.people if not m.known]):
            if mention.slug in self.known.slugs.get("people", set()):
                continue
            role = self.role_before(mention.start)
            records.append(
                {
                    "slug": mention.slug,
                    "name": mention.name,
                    "country": None,
                    "roles": [{"title": role, "organisation": None}] if role else [],
                    "citations": [
                        self.cite(
                            mention.start - len(role) - 1 if role else mention.start, mention.end
                        )
                    ],
                    "draft": True,
                }
            )
        return records

    def organisation_records(self) -> list[dict[str, Any]]:
        records = []
        for mention in first_of_each([m for m in self.organisations if not m.known]):
            if mention.slug in self.known.slugs.get("organisations", set()):
                continue
            kind = "state" if mention.name in STATES else kind_of(mention.name)
            records.append(
                {
                    "slug": mention.slug,
                    "name": mention.name,
                    "acronym": None,
                    "kind": kind,
                    "country": None,
                    "parent": None,
                    "citations": [self.cite(mention.start, mention.end)],
                    "draft": True,
                }
            )
        return records

    def role_before(self, at: int) -> str:
        head = self.text[max(0, at - 80) : at]
        match = TITLES.search(self.text, max(0, at - 80))
        if match and match.start(1) == at:
            return self.text[match.start() : match.start(1)].strip()
        words = re.findall(r"((?:[A-Z][\w-]*\s(?:of\s|for\s)?){1,6})$", head)
        return words[0].strip() if words else ""

    # -- quotes ----------------------------------------------------------------------

    def area_slugs(self) -> list[str]:
        return sorted({m.slug for m in self.areas})

    def area_records(self) -> list[dict[str, Any]]:
        """New areas: the items of a list of fields ("areas such as X, Y and Z", "ranging
        from X to Y") and the headings of bullets ("• Trust funds: …") that name no known
        area."""
        known = {slugify(n) for names in self.known.areas.values() for n in names}
        found: dict[str, dict[str, Any]] = {}
        for span in self.sentences:
            sentence = self.text[span.start : span.end]
            items = [
                m.group(1) for m in BULLET_HEADING.finditer(self.text[span.start - 6 : span.end])
            ]
            for cue in AREA_LIST.finditer(sentence):
                items += _list_items(cue.group(1))
            for item in items:
                item = item.strip(" .,;:").removeprefix("the ")
                slug = slugify(item)
                if not (1 <= len(item.split()) <= 5) or slug in known or slug in found:
                    continue
                if re.search(r"\d|[A-Z]{2}", item) or item.split()[0] in _NOT_AREAS:
                    continue
                if _proper(item) or "cooperation" in item.lower():
                    continue  # a country or body, or the list's own heading
                at = self.text.find(item, span.start - 6)
                if at < 0:
                    continue
                found[slug] = {
                    "slug": self.slug("areas", slug),
                    "name": item[0].upper() + item[1:],
                    "aliases": [item],
                    "parent": None,
                    "description": sentence,
                    "citations": [self.cite(at, at + len(item))],
                    "draft": True,
                }
        return list(found.values())

    def event_records(self) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        head = self.text.find("\n", self.text.find("\n") + 1)
        for span in self.sentences:
            if span.end <= head and len(self.text[span.start : span.end].split()) < 8:
                continue  # the dateline and the title
            sentence = self.text[span.start : span.end]
            found = dates(sentence, self.published)
            if not found and not EVENT_VERBS.search(sentence):
                continue
            date_in: dict[str, Any] | None = None
            if found:
                when = found[0]
                date_in = {"start": when.start}
                if when.end:
                    date_in["end"] = when.end
                if when.note:
                    date_in["note"] = when.note
                if when.label:
                    date_in.update(approximate=True, label=when.label)
            records.append(
                {
                    "slug": self.slug(
                        "events",
                        slugify(
                            f"{' '.join(sentence.split()[:6])} "
                            f"{date_in['start'][:4] if date_in else ''}"
                        ),
                    ),
                    "title": sentence
                    if len(sentence) <= 120
                    else sentence[:117].rsplit(" ", 1)[0] + "…",
                    "summary": sentence,
                    "kind": _event_kind(sentence),
                    "date": date_in,
                    "place": {"name": None, "country": None},
                    "areas": _inside(self.areas, span),
                    "people": _inside([m for m in self.people if m.known], span),
                    "organisations": _inside([m for m in self.organisations if m.known], span),
                    "citations": [self.cite(span.start, span.end)],
                    # A date worked out (a weekday, a year from the dateline) is a reading
                    # of the document: its note is the reasoning (docs/dataset.md, "Basis").
                    **({"basis": {"date": "inferred"}} if date_in and "note" in date_in else {}),
                    "draft": True,
                }
            )
        return records


def _list_items(listed: str) -> list[str]:
    """The items of "X, Y and Z" or "from X to Y"."""
    return re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+", listed)


def _proper(item: str) -> bool:
    """A name rather than a field: a country, or two capitalised words or more."""
    return item in STATES or sum(word[:1].isupper() for word in item.split()) >= 2


def _inside(found: list[Mention], span: Span) -> list[str]:
    return sorted({m.slug for m in found if span.start <= m.start < span.end})


_EVENT_WORDS = (
    ("sign", "signing"), ("adopt", "adoption"), ("visit", "visit"), ("summit", "summit"),
    ("met ", "meeting"), ("meeting", "meeting"), ("talks", "talks"), ("conference", "conference"),
    ("symposium", "symposium"), ("speech", "speech"), ("exercise", "exercise"),
    ("training", "training"), ("relief", "relief_operation"), ("contribut", "contribution"),
    ("invasion", "invasion"), ("earthquake", "disaster"),
)  # fmt: skip


def _event_kind(sentence: str) -> str:
    lowered = sentence.lower()
    return next((kind for word, kind in _EVENT_WORDS if word in lowered), "meeting")
