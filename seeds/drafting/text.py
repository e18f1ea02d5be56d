"""What the drafting tool reads in a document: its sentences, exact evidence spans that
occur once, and the dates it states or lets a reader work out."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),  # fmt: skip
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# "May 7, 2014" / "7 May 2014" / "30 September, 2023" / "25 to 29 June" / "July 2023" / "2013"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) {_MONTH},? (\d{{4}})\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})\b")
DAY_RANGE_MONTH = re.compile(rf"\b(\d{{1,2}}) (?:to|-|–) (\d{{1,2}}) {_MONTH}\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) {_MONTH}\b")
MONTH_DAY = re.compile(rf"\b{_MONTH} (\d{{1,2}})\b(?!,? \d{{4}})")
MONTH_YEAR = re.compile(rf"\b{_MONTH},? (\d{{4}})\b")
# A year standing alone: not the digits of an escaped file name ("nato%204%2015%2013").
YEAR = re.compile(r"(?<![%\w])(19[5-9]\d|20[0-4]\d)\b")
DECADE = re.compile(r"\b((?:the\s)?(?:early\s|mid-|late\s)?((?:19|20)\d0)s)\b")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[A-Z“\"•])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Each sentence's span: paragraphs (lines) split after `.`, `!` or `?`."""
    found = []
    at = 0
    for line in text.split("\n"):
        pieces = _SENTENCE_END.split(line)
        offset = at
        for piece in pieces:
            start = line.find(piece, offset - at) + at
            stripped = piece.strip(" •\t\u00a0")
            if len(stripped) > 3:
                lead = piece.find(stripped)
                found.append(Span(start + lead, start + lead + len(stripped)))
            offset = start + len(piece)
        at += len(line) + 1
    return found


def evidence(text: str, start: int, end: int, *, words: int = 48) -> str | None:
    """Words of `text` around [start, end) that occur exactly once in it: the span itself
    when it is unique, else widened a word at a time (right, then left); None when no span
    of up to `words` words is (a paragraph the document repeats)."""
    start, end = _word_bounds(text, start, end)
    while True:
        piece = text[start:end]
        if piece and once(text, piece):
            return piece
        if len(piece.split()) > words:
            return None
        if end < len(text):
            end = _next_word_end(text, end)
        elif start > 0:
            start = _previous_word_start(text, start)
        else:
            return None


def once(text: str, piece: str) -> bool:
    """Whether `piece` occurs exactly once in `text` (overlaps counted; the search stops at
    a second)."""
    first = text.find(piece)
    return first != -1 and text.find(piece, first + 1) == -1


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_word_end(text: str, end: int) -> int:
    match = re.compile(r"\s*\S+").match(text, end)
    return match.end() if match else len(text)


def _previous_word_start(text: str, start: int) -> int:
    head = text[:start].rstrip()
    match = re.search(r"\S+$", head)
    return match.start() if match else 0


def dateline(text: str) -> date | None:
    """The document's date, as its first lines give it (a dateline)."""
    head = text[:300]
    for pattern, order in ((MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_YEAR, "dmy")):
        for match in pattern.finditer(head):
            if (day := _day(match, order)) is not None:
                return day
    return None


def _day(match: re.Match[str], order: str) -> date | None:
    """The day a match names; None for one no calendar has ("31 June 2014")."""
    if order == "mdy":
        month, day, year = match.group(1), match.group(2), match.group(3)
    else:
        day, month, year = match.group(1), match.group(2), match.group(3)
    return _calendar(int(year), MONTHS[month.lower()], int(day))


def _calendar(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Dated:
    """A date a sentence states or implies, as the curated files write one."""

    start: str
    end: str | None = None
    note: str | None = None  # how it was worked out, when the text does not state it whole
    label: str | None = None  # the words of an approximate span ("the 1990s")


def dates(sentence: str, published: date | None) -> list[Dated]:
    """The dates of a sentence, most precise first; a weekday or a day without its year is
    resolved from the publication date, and says so."""
    found: list[Dated] = []
    for pattern, order in ((MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_YEAR, "dmy")):
        stated = (_day(match, order) for match in pattern.finditer(sentence))
        found += [Dated(day.isoformat()) for day in stated if day is not None]
    if published is not None:
        for match in DAY_RANGE_MONTH.finditer(sentence):
            month = MONTHS[match.group(3).lower()]
            year = published.year if month <= published.month else published.year - 1
            first = _calendar(year, month, int(match.group(1)))
            last = _calendar(year, month, int(match.group(2)))
            if first is None or last is None or last < first:
                continue
            found.append(
                Dated(
                    first.isoformat(),
                    last.isoformat(),
                    note=f"Year from the document's date ({published.isoformat()}).",
                )
            )
        for match in WEEKDAY.finditer(sentence):
            if match.start() < 2 and sentence.count(",") and MONTH_DAY_YEAR.search(sentence):
                continue  # a dateline, not an event's day
            try:
                day = _last(published, WEEKDAYS.index(match.group(1).lower()))
            except OverflowError:  # a publication date in the first week of year 1
                continue
            found.append(
                Dated(
                    day.isoformat(),
                    note=f"{match.group(1)} before the document's date "
                    f"({published.strftime('%A')} {published.isoformat()}).",
                )
            )
    for match in MONTH_YEAR.finditer(sentence):
        found.append(Dated(f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}"))
    for match in DECADE.finditer(sentence):
        decade = int(match.group(2))
        found.append(Dated(str(decade), str(decade + 9), label=match.group(1)))
    if not found:
        found += [Dated(match.group(1)) for match in YEAR.finditer(sentence)]
    return found


def _last(published: date, weekday: int) -> date:
    """The last `weekday` before `published` (the day itself excluded: news reports the past)."""
    back = (published.weekday() - weekday) % 7 or 7
    return published - timedelta(days=back)
