"""Names in a document: the people, organisations and areas the curated files know, and
new ones proposed from titles, verbs of saying, named bodies and countries."""

import re
from dataclasses import dataclass, field
from typing import Any

import pycountry

# Words that name an office: what comes before a person's name in news and speeches.
TITLES = re.compile(
    r"\b(?:Prime Minister|Secretary General|Secretary-General|Foreign Minister|"
    r"Defen[cs]e Minister|Minister(?: for [A-Z][\w ]+?)?|Vice-Minister(?: for [A-Z][\w ]+?)?|"
    r"Director General|Deputy Director General|Ambassador|President|Chancellor|Chairman|"
    r"Chair|Admiral|General|Commander|Head of [A-Z][\w ]+?)\s+"
    r"((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,2}[A-Z][a-z]+)\b"
)
NAMED_BODY = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s(?:of\s(?:the\s)?|for\s|and\s|in\s)?){0,6}"
    r"(?:Ministry|Organization|Organisation|Agency|Command|College|Council|Forces?|"
    r"Mission|Union|Nations|Club|News|Division|Centre|Center|Alliance|Parliament)"
    r"(?:\s(?:of|for|in)\s(?:the\s)?(?:[A-Z][\w-]*(?:\s(?!of\b)|$)){1,4}){0,2})"
)
# The verbs that report what someone said.
SPEECH_VERBS = (
    r"(?:said|says|saying|told(?: [A-Z]?[a-z]+){0,3}|noted|stressed|emphasi[sz]ed|added|"
    r"stated|underscored|pointing out|warned)"
)
# A name just before or after a verb of saying: "Takeshi Hikihara added", "said Michael Gaul".
NAME_BY_VERB = re.compile(
    rf"(?:\b((?:[A-Z][a-z]+\s){{1,2}}[A-Z][a-z]+)\s{SPEECH_VERBS}\b)|"
    rf"(?:\b{SPEECH_VERBS}\s((?:[A-Z][a-z]+\s){{1,2}}[A-Z][a-z]+)\b)"
)
SPEECH_FROM = re.compile(r"^From ([A-Z][\w .’'-]+?), ([^:\n]+?):\s+(.+)$")

# Short names news uses that ISO 3166 spells otherwise.
_SHORT_NAMES = {
    "Russia": "RU", "Turkey": "TR", "Iran": "IR", "Syria": "SY", "Vietnam": "VN", "Laos": "LA",
    "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Czech Republic": "CZ",
    "Taiwan": "TW", "Moldova": "MD", "South Korea": "KR", "North Korea": "KP",
}  # fmt: skip


def _state_names() -> dict[str, str]:
    """Every name of a country that text may use, to its ISO code (pycountry's ISO 3166
    data, read offline)."""
    names = dict(_SHORT_NAMES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and len(name) > 3:
                names.setdefault(name, country.alpha_2)
    return names


STATES = _state_names()
# Words an office starts with: a body named after one ("Political Officer of the United
# States Mission") is the part after its "of".
_OFFICE_WORDS = {
    "Political", "Officer", "Senior", "Advisor", "Adviser", "Director", "Deputy", "Head",
    "Minister", "Secretary", "Ambassador", "Parliamentary", "Vice-Minister", "Chief",
}  # fmt: skip


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")


@dataclass
class Known:
    """The records the curated files hold already, by the names the text may use."""

    people: dict[str, list[str]] = field(default_factory=dict)  # slug → names
    organisations: dict[str, list[str]] = field(default_factory=dict)
    areas: dict[str, list[str]] = field(default_factory=dict)
    slugs: dict[str, set[str]] = field(default_factory=dict)  # file → the slugs it holds

    @classmethod
    def of(cls, records: dict[str, list[dict[str, Any]]]) -> "Known":
        people = {}
        for p in records.get("people", []):
            words = p["name"].split()
            # "Anders Rasmussen" names "Anders Fogh Rasmussen" too.
            people[p["slug"]] = [
                p["name"],
                *([f"{words[0]} {words[-1]}"] if len(words) > 2 else []),
            ]
        organisations = {
            o["slug"]: [o["name"], *([o["acronym"]] if o.get("acronym") else [])]
            for o in records.get("organisations", [])
        }
        areas = {a["slug"]: [a["name"], *a.get("aliases", [])] for a in records.get("areas", [])}
        slugs = {kind: {r["slug"] for r in found} for kind, found in records.items()}
        return cls(people, organisations, areas, slugs)


@dataclass
class Mention:
    slug: str
    name: str
    start: int
    end: int
    known: bool


def mentions(text: str, names: dict[str, list[str]], *, fold: bool = False) -> list[Mention]:
    """Where each named record occurs (whole words; `fold`: any letter case)."""
    found: list[Mention] = []
    flags = re.IGNORECASE if fold else 0
    for slug, variants in names.items():
        for variant in sorted(set(variants), key=len, reverse=True):
            pattern = re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", flags)
            for match in pattern.finditer(text):
                if not any(m.start <= match.start() < m.end for m in found):
                    found.append(Mention(slug, variant, match.start(), match.end(), True))
    return sorted(found, key=lambda m: m.start)


def people_in(text: str, known: Known) -> list[Mention]:
    """Every mention of a person: by full name (known or new), and by surname alone after
    a fuller mention of the same person earlier in the text ("… Jens Stoltenberg …
    Stoltenberg told"), never before, where a surname may be anyone's."""
    full = mentions(text, known.people) + new_people(text, known)
    first: dict[str, Mention] = {}
    for mention in sorted(full, key=lambda m: m.start):
        first.setdefault(mention.slug, mention)
    surnames = {slug: [m.name.split()[-1]] for slug, m in first.items()}
    later = [
        m
        for m in mentions(text, surnames)
        if m.start > first[m.slug].start and not any(f.start <= m.start < f.end for f in full)
    ]
    by_surname = [Mention(m.slug, m.name, m.start, m.end, first[m.slug].known) for m in later]
    return sorted(full + by_surname, key=lambda m: m.start)


def new_people(text: str, known: Known) -> list[Mention]:
    """People the text names who are not known: after a title, by a verb of saying, or
    heading a speech excerpt."""
    names_known = {n for names in known.people.values() for n in names}
    found: list[Mention] = []
    matches = [(m.group(1), m.start(1), m.end(1)) for m in TITLES.finditer(text)]
    for m in NAME_BY_VERB.finditer(text):
        group = 1 if m.group(1) else 2
        matches.append((m.group(group), m.start(group), m.end(group)))
    for line in text.split("\n"):
        head = SPEECH_FROM.match(line)
        if head:
            at = text.find(line) + head.start(1)
            matches.append((head.group(1), at, at + len(head.group(1))))
    for name, start, end in matches:
        words = name.split()
        if len(words) == 3 and (words[0] in STATES or words[0] in _NOT_NAMES):
            # "… of Japan Minoru Kiuchi": the office's last word is not the name's first.
            name, start = " ".join(words[1:]), start + len(words[0]) + 1
        if name.split()[0] in _NOT_NAMES or name in STATES:
            continue
        if name in names_known:
            continue
        found.append(Mention(slugify(name), name, start, end, False))
    return first_of_each(found)


def new_organisations(text: str, known: Known, people: list[Mention]) -> list[Mention]:
    """Bodies the text names that are not known: countries, and names ending in a word
    such as Ministry, Division or Mission."""
    names_known = {n.lower() for names in known.organisations.values() for n in names}
    found: list[Mention] = []
    known_states = {STATES[n] for names in known.organisations.values() for n in names
                    if n in STATES}  # fmt: skip
    for name, code in STATES.items():
        match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        if match and code not in known_states and name.lower() not in names_known:
            found.append(Mention(slugify(name), name, match.start(), match.end(), False))
    named = [p.name for p in people]
    for match in NAMED_BODY.finditer(text):
        name, start = _body_name(match.group(1).strip(), named), match.start(1)
        start += match.group(1).find(name)
        if len(name.split()) >= 2 and name.lower() not in names_known and name not in STATES:
            found.append(Mention(slugify(name), name, start, start + len(name), False))
    return first_of_each(found)


def _body_name(name: str, people: list[str]) -> str:
    """A body's name as a record would hold it: without a possessive before it ("NATO’s
    …"), an office before it, "The", or a person's name run into it."""
    name = re.sub(r"^(?:The\s)?[A-Z][\w-]*[’']s\s", "", name)
    name = re.sub(r"^The\s", "", name)
    if name.split()[0] in _OFFICE_WORDS and " of " in name:
        name = name.split(" of ", 1)[1].removeprefix("the ")
    for person in people:
        if name.endswith(" " + person):
            name = name[: -len(person) - 1]
    return name.strip()


# Capitalised words that start a sentence or a title, not a name.
_NOT_NAMES = {
    "The", "This", "That", "These", "NATO", "Japan", "Japanese", "In", "On", "At", "After",
    "During", "From", "Foreign", "Affairs", "Prime", "Minister", "Secretary", "General",
}  # fmt: skip


def first_of_each(found: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in sorted(found, key=lambda m: m.start):
        seen.setdefault(mention.slug, mention)
    return list(seen.values())


_KINDS = (
    ("Ministry", "ministry"), ("Forces", "armed_forces"), ("Force", "armed_forces"),
    ("Command", "command"), ("Division", "division"), ("Agency", "agency"),
    ("Mission", "mission"), ("College", "education_institution"), ("News", "media"),
    ("Club", "club"), ("Union", "union"), ("Parliament", "legislature"),
    ("Centre", "centre_of_excellence"), ("Center", "centre_of_excellence"),
)  # fmt: skip


def kind_of(name: str) -> str:
    return next((kind for word, kind in _KINDS if word in name), "international_organisation")
