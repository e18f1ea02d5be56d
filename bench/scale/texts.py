"""Synthetic source documents, and evidence cut from them at exact offsets."""

import re
from array import array
from dataclasses import dataclass, field
from random import Random

from bench.scale import vocabulary as v

_WORD = re.compile(r"\S+")


@dataclass
class Names:
    """What the texts may mention: the reference records' names."""

    organisations: list[str]
    people: list[tuple[str, str]]  # (name, role title)
    programmes: list[str]


@dataclass
class QuoteSpan:
    start: int
    end: int
    person: int  # index into Names.people
    mode: str  # direct or reported
    sentence: int


@dataclass
class SourceText:
    """A text with its sentences and words located, so evidence is cut, never searched."""

    title: str
    text: str
    sentence_words: list[tuple[int, int]] = field(default_factory=list)  # word index range
    starts: array = field(default_factory=lambda: array("I"))  # type: ignore[type-arg]
    ends: array = field(default_factory=lambda: array("I"))  # type: ignore[type-arg]
    quotes: list[QuoteSpan] = field(default_factory=list)

    def sentence_span(self, index: int) -> tuple[int, int]:
        first, last = self.sentence_words[index]
        return self.starts[first], self.ends[last - 1]

    def window(self, rng: Random, shortest: int = 6, longest: int = 16) -> tuple[int, int]:
        """A run of whole words within one sentence: (start, end) offsets."""
        first, last = self.sentence_words[rng.randrange(len(self.sentence_words))]
        size = min(last - first, rng.randint(shortest, longest))
        at = first + rng.randrange(last - first - size + 1)
        return self.starts[at], self.ends[at + size - 1]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding `offset` (offsets inside the header give 0)."""
        low, high = 0, len(self.sentence_words) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[self.sentence_words[middle][0]] <= offset:
                low = middle
            else:
                high = middle - 1
        return low


class _Slots(dict[str, str]):
    """Template slots drawn on first use, in the order the template names them."""

    def __init__(self, rng: Random, names: Names) -> None:
        super().__init__()
        self.rng, self.names, self.person = rng, names, 0

    def __missing__(self, key: str) -> str:
        rng, names = self.rng, self.names
        if key in ("person", "role"):
            self.person = rng.randrange(len(names.people))
            self["person"], self["role"] = names.people[self.person]
            return self[key]
        value = {
            "org": lambda: rng.choice(names.organisations),
            "org2": lambda: rng.choice(names.organisations),
            "programme": lambda: rng.choice(names.programmes),
            "place": lambda: rng.choice(v.PLACES)[0],
            "country": lambda: rng.choice(v.COUNTRIES),
            "topic": lambda: rng.choice(v.TOPICS),
            "topic2": lambda: rng.choice(v.TOPICS),
            "exercise": lambda: rng.choice(v.EXERCISES),
            "sea": lambda: rng.choice(v.SEAS),
            "disaster": lambda: rng.choice(v.DISASTERS),
            "year": lambda: str(rng.randint(1992, 2026)),
            "day": lambda: str(rng.randint(1, 28)),
            "month": lambda: rng.choice(v.MONTHS),
        }[key]()
        self[key] = value
        return value


def source_text(rng: Random, names: Names, dateline: str) -> SourceText:
    """A few KB of English-like text: a title, a dateline, paragraphs with quotations."""
    title = rng.choice(v.SOURCE_TITLES).format_map(_Slots(rng, names))
    title = title[0].upper() + title[1:]
    out = SourceText(title=title, text="")
    parts = [title, "\n\n", dateline, "\n\n"]
    position, target = len(title) + len(dateline) + 4, rng.randint(2000, 7000)
    while position < target or len(out.quotes) < 2:
        for n in range(rng.randint(3, 6)):
            sentence, quote = _sentence(rng, names)
            if n:
                parts.append(" ")
                position += 1
            if quote is not None:
                start, end, person, mode = quote
                out.quotes.append(
                    QuoteSpan(
                        position + start, position + end, person, mode, len(out.sentence_words)
                    )
                )
            first = len(out.starts)
            for word in _WORD.finditer(sentence):
                out.starts.append(position + word.start())
                out.ends.append(position + word.end())
            out.sentence_words.append((first, len(out.starts)))
            parts.append(sentence)
            position += len(sentence)
        parts.append("\n\n")
        position += 2
    out.text = "".join(parts)
    return out


def _sentence(rng: Random, names: Names) -> tuple[str, tuple[int, int, int, str] | None]:
    slots = _Slots(rng, names)
    if rng.random() >= 0.15:
        return rng.choice(v.SENTENCES).format_map(slots), None
    claim = rng.choice(v.CLAIMS).format_map(slots)
    form = rng.randrange(3)
    if form == 2:
        prefix, suffix, mode = "{role} {person} said that ", ".", "reported"
    else:
        claim = claim[0].upper() + claim[1:]
        prefix, suffix = (
            ("“", ",” said {role} {person}.") if form else ("{role} {person} said: “", ".”")
        )
        mode = "direct"
    prefix, suffix = prefix.format_map(slots), suffix.format_map(slots)
    start = len(prefix)
    return prefix + claim + suffix, (start, start + len(claim), slots.person, mode)
