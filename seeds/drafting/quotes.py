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


def quote_records(d: Drafter) -> list[dict[str, Any]]:
    """Words between quotation marks (looked for in whole paragraphs: a quotation may
    run over several sentences), clauses of reported speech, and speech excerpts."""
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
    speaker = who or speaker_of(d, sentence.start, sentence.end, before=start)
    organisation = _organisation_in(d, sentence)
    if speaker is None and organisation is None:
        return []
    attribution = speaker or organisation
    assert attribution is not None
    record: dict[str, Any] = {
        "slug": d.slug("quotes", slugify(f"{attribution.name} {' '.join(words.split()[:6])}")),
        "text": words,
        "source": d.source,
        "speaker": speaker.slug if speaker else None,
        "speaker_organisation": organisation.slug if organisation else None,
        "speaker_role": (d.role_before(speaker.start) or None) if speaker else None,
        "mode": mode,
        "citations": [d.cite(attribution.start, attribution.end)],
        "draft": True,
    }
    return [record]


def speaker_of(d: Drafter, start: int, end: int, *, before: int | None = None) -> Mention | None:
    """The person named in [start, end) (the last before `before`, if given); for a
    sentence that says "he" or "she", the one named last before it."""
    inside = [m for m in d.people if start <= m.start < end]
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


def _organisation_in(d: Drafter, span: Span) -> Mention | None:
    inside = [m for m in d.organisations if span.start <= m.start < span.end]
    return inside[0] if inside else None
