"""Quotations in a document: words between quotation marks, clauses of reported speech,
and speech excerpts, each with who said them as far as the text tells."""

import re
from typing import Any

from seeds.drafting.candidates import Drafter
from seeds.drafting.names import SPEECH_FROM, SPEECH_VERBS, Mention, slugify
from seeds.drafting.text import Span, once

# "<name> said (that) <clause>", and "<clause>, <name> told <someone>" or "…, the
# official said".
REPORTED = re.compile(rf"\b{SPEECH_VERBS},?(?: that)?\s+(?P<clause>[A-Za-z][^“”\"]{{15,}}?)[.]?$")
REPORTED_FIRST = re.compile(
    rf"^(?P<clause>[A-Z][^“”\",]{{15,}}),\s+(?:(?:[A-Z][a-z]+\s)?[A-Z][a-z]+|"
    rf"the (?:[a-z]+ )?(?:official|spokesperson|spokesman|source)s?)\s{SPEECH_VERBS}\b"
)
# Between quotation marks, straight or curly (a document may open with a closing one).
QUOTED = re.compile(r"[“”\"]([^“”\"]{8,}?)[”“\"]")
# A verb of saying right after a name.
SAYS = re.compile(rf"\s+(?:[a-z]+ly\s+)?{SPEECH_VERBS}\b")
# A heading that names who speaks in the paragraphs after it.
SPEECH_HEAD = re.compile(r"^(?:Excerpt|From)\b.*\b(?:by|From) .+$")
# Someone the text does not name, just before a verb of saying or a clause about them:
# "A Japanese official said", "Officials involved in preparing the meetings said",
# "The officials, who spoke…", "the official told reporters".
UNNAMED = re.compile(
    r"\b(?P<article>[Aa]n?\s+|[Tt]he\s+)?(?P<who>(?:[A-Z][a-z]+\s+)?"
    r"(?:[Oo]fficials?|[Dd]iplomats?|[Ss]pokes(?:person|man|woman)|[Ss]ources?)"
    r"(?:\s+(?:involved in|familiar with|close to)\s+[a-z ]+?)?)"
    rf"(?=,\s+who\b|\s+{SPEECH_VERBS}\b)"
)
# A body's stance in its own words: what it holds important, essential, or is committed to.
STANCE = re.compile(
    r"\b(?:is|are|remains?)\s+(?:\w+\s+)?(?:important|essential|vital|key|crucial|"
    r"indispensable|committed)\b|\bcan directly affect\b"
)
# An excerpt's heading naming a body, not a person: "From NATO:  This is…".
SPEECH_BODY = re.compile(r"^From ([A-Z][^,:\n]+):\s+(.+)$")
# Documents in which a body speaks for itself: their sentences are its own text.
OWN_WORDS = frozenset({"topic_page"})
# The start of a clause that itself reports someone's words: "Rasmussen noted…".
NESTED = re.compile(rf"^(?:[A-Z][a-z]+\s){{0,2}}[A-Z][a-z]+\s+{SPEECH_VERBS}\b")


def quote_records(d: Drafter, kind: str = "news_article") -> list[dict[str, Any]]:
    """Words between quotation marks (looked for in whole paragraphs: a quotation may
    run over several sentences), clauses of reported speech, speech excerpts, and in a
    body's own page (`kind`), the sentences that state its stance."""
    records: list[dict[str, Any]] = []
    taken: list[Span] = []
    at = 0
    for line in d.text.split("\n"):
        paragraph = Span(at, at + len(line))
        at += len(line) + 1
        for match in QUOTED.finditer(line):
            words = match.group(1).strip(" ,")
            if len(words.split()) < 3 or not once(d.text, words):
                continue
            start = paragraph.start + line.find(words)
            taken.append(Span(start, start + len(words)))
            records += _quote(d, words, start, paragraph, "direct")
    for span in d.sentences:
        if any(t.start < span.end and span.start < t.end for t in taken):
            continue  # a quotation's own sentence: its words are drafted already
        sentence = d.text[span.start : span.end]
        for pattern in (REPORTED_FIRST, REPORTED):
            clause = pattern.search(sentence)
            if clause is None:
                continue
            words = clause.group("clause").rstrip(".")
            start = span.start + clause.start("clause")
            if len(words.split()) >= 4 and once(d.text, words):
                records += _quote(d, words, start, span, "reported")
    records += _speeches(d, taken)
    if kind in OWN_WORDS:
        records += _stances(d, taken)
    return records


def _stances(d: Drafter, taken: list[Span]) -> list[dict[str, Any]]:
    """A body's own page: the sentences stating its stance, as its words, attributed by
    the page's title, which names it ("NATO – Theme: Relations with Japan")."""
    title = Span(0, d.text.find("\n") if "\n" in d.text else len(d.text))
    bodies = [m for m in d.organisations if m.start < title.end]
    if not bodies:
        return []
    body = min(bodies, key=lambda m: m.start)
    records = []
    for span in d.sentences:
        words = d.text[span.start : span.end].strip()
        if span.start < title.end or not STANCE.search(words) or not once(d.text, words):
            continue
        if any(t.start < span.end and span.start < t.end for t in taken):
            continue
        record = _record(d, words, None, body, None, "direct", title)
        records.append(record)
    return records


def _speeches(d: Drafter, taken: list[Span]) -> list[dict[str, Any]]:
    """Excerpts of speeches: each paragraph after a `From <name>, <body>:` or an
    `Excerpt from … by <name>` heading is the speaker's own words."""
    records: list[dict[str, Any]] = []
    heading: Mention | None = None
    at = 0
    for line in d.text.split("\n"):
        start = at
        at += len(line) + 1
        body = SPEECH_BODY.match(line)
        if body is not None and SPEECH_FROM.match(line) is None:
            named = [m for m in d.organisations if start <= m.start < start + body.end(1)]
            words = body.group(2).strip()
            if named and once(d.text, words):
                begin = start + body.start(2)
                heading_span = Span(start, start + body.end(1) + 1)
                records.append(_record(d, words, None, named[0], None, "direct", heading_span))
                taken.append(Span(begin, begin + len(words)))
            heading = None
            continue
        head = SPEECH_FROM.match(line)
        if head is not None:
            heading = speaker_of(d, start, start + len(line))
            line, start = head.group(3), start + head.start(3)
        elif SPEECH_HEAD.match(line):
            heading = speaker_of(d, start, start + len(line))
            continue
        words = line.strip()
        if heading is None or len(words.split()) < 8 or not once(d.text, words):
            continue
        begin = start + line.find(words)
        if any(s.start <= begin < s.end for s in taken):
            continue
        records += _quote(d, words, begin, Span(begin, begin + len(words)), "direct", heading)
    return records


def _quote(
    d: Drafter, words: str, start: int, sentence: Span, mode: str, who: Mention | None = None
) -> list[dict[str, Any]]:
    words_span = Span(start, start + len(words))
    # Who speaks is named outside the words, unless the words themselves report someone
    # ("Rasmussen noted…, the official told reporters": Rasmussen's words, retold).
    outside = None if NESTED.match(words) else words_span
    speaker = who or speaker_of(d, sentence.start, sentence.end, before=start, outside=outside)
    unnamed = None if speaker else _unnamed(d, sentence, words_span)
    role: str | None = None
    organisation: Mention | None = None
    if speaker is not None:
        # The body a named speaker speaks for is the one their title names ("NATO
        # Secretary General"): another body in the sentence is what they speak about.
        role = d.role_before(speaker.start) or None
        titled = Span(speaker.start - len(role or "") - 1, speaker.start)
        organisation = _organisation_in(d, titled, outside=words_span)
        ahead = [m for m in d.organisations if m.end == titled.start - 1]  # "NATO Secretary…"
        if role and organisation is None and ahead:
            organisation = ahead[-1]
            role = d.text[organisation.start : speaker.start].strip()
    elif unnamed is not None:
        role, organisation, _ = unnamed
    else:
        organisation = _organisation_in(d, sentence, outside=words_span)
    if speaker is None and organisation is None and role is None:
        return []
    attribution = speaker or organisation or Mention("", role or "", start, start, False)
    named = [m for m in (speaker, organisation) if m is not None]
    if unnamed is not None:  # the words that name the unnamed speaker (and their body)
        spans = unnamed[2]
        return [_record(d, words, None, organisation, role, mode, *spans, named=attribution)]
    else:
        # The words that say who spoke: the role, the name and the body named with them,
        # so that the loader finds each value in the evidence (docs/dataset.md, "Basis").
        start = min(m.start for m in named) - (len(role) + 1 if role and speaker else 0)
        end = max(m.end for m in named)
        if end - start > 300:  # a body named far away: the speaker's words alone
            start, end = attribution.start - (len(role) + 1 if role else 0), attribution.end
    return [
        _record(d, words, speaker, organisation, role, mode, Span(start, end), named=attribution)
    ]


def _record(
    d: Drafter, words: str, speaker: Mention | None, organisation: Mention | None,
    role: str | None, mode: str, *attribution: Span, named: Mention | None = None,
) -> dict[str, Any]:  # fmt: skip
    """A drafted quote: `attribution`, the spans of the words that say who spoke."""
    who = named or speaker or organisation
    label = who.name if who is not None else role or ""
    return {
        "slug": d.slug("quotes", slugify(f"{label} {' '.join(words.split()[:6])}")),
        "text": words,
        "source": d.source,
        "speaker": speaker.slug if speaker else None,
        "speaker_organisation": organisation.slug if organisation else None,
        "speaker_role": role,
        "mode": mode,
        "citations": [d.cite(span.start, span.end) for span in attribution],
        "draft": True,
    }


def speaker_of(
    d: Drafter, start: int, end: int, *, before: int | None = None, outside: Span | None = None
) -> Mention | None:
    """The person named in [start, end) (the last before `before`, if given; none named
    within `outside`, the words said); for a sentence that says "he" or "she", the one
    named last before it."""
    inside = [m for m in d.people if start <= m.start < end and not _within(m, outside)]
    if before is not None:
        earlier = [m for m in inside if m.start < before]
        # The one a verb of saying follows ("Stoltenberg told Kishida…, pointing out").
        speaking = [m for m in earlier if SAYS.match(d.text, m.end)]
        if speaking or earlier:
            return (speaking or earlier)[-1]
    if inside:
        return inside[0]
    if re.search(r"\b(?:He|She|he|she)\b", d.text[start:end]):
        earlier = [m for m in d.people if m.start < start]
        return earlier[-1] if earlier else None
    return None


def _organisation_in(d: Drafter, span: Span, *, outside: Span) -> Mention | None:
    """The body named in the sentence but not in the words said: what the words speak of
    is not who speaks."""
    inside = [
        m for m in d.organisations if span.start <= m.start < span.end and not _within(m, outside)
    ]
    return inside[0] if inside else None


def _within(mention: Mention, span: Span | None) -> bool:
    return span is not None and span.start <= mention.start < span.end


def _unnamed(
    d: Drafter, sentence: Span, words: Span
) -> tuple[str, Mention | None, list[Span]] | None:
    """An unnamed speaker outside the words ("A Japanese official"): their role, the body
    their adjective names, and the spans that name them. "The official(s)" is the one the
    text introduced before, whose span is cited too (it says who they are)."""
    found = next(
        (
            m
            for m in UNNAMED.finditer(d.text, sentence.start, sentence.end)
            if not (words.start <= m.start() < words.end)
        ),
        None,
    )
    if found is None:
        return None
    who, spans = found.group("who"), [Span(found.start("who"), found.end("who"))]
    if (found.group("article") or "").strip().lower() == "the" and who[:1].islower():
        noun = who.split()[0].rstrip("s")
        for earlier in reversed(list(UNNAMED.finditer(d.text, 0, found.start()))):
            named = earlier.group("who")
            if (earlier.group("article") or "").strip().lower() != "the" and noun in named.lower():
                who = named
                spans.append(Span(earlier.start("who"), earlier.end("who")))
                break
    body = _body_of(d, who.split()[0], found.start("who"))
    return who[:1].upper() + who[1:], body, spans


def _body_of(d: Drafter, adjective: str, at: int) -> Mention | None:
    """The state an adjective names ("Japanese": Japan), as a mention at `at`."""
    for slug, names in d.known.organisations.items():
        for name in names:
            stem = name[:-1] if len(name) > 4 else name
            if " " not in name and adjective.startswith(stem):
                return Mention(slug, name, at, at, True)
    return None
