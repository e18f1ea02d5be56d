"""What a record's words state: the mechanical checks behind a `stated` basis
(seeds/basis.py). Each takes the evidence, one citation per line, and a value."""

import re

from seeds.records import DateIn

MONTHS = (
    "January February March April May June July August September October November December"
).split()
NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def contains(evidence: str, words: str | None) -> bool:
    """`words` occur in `evidence`, any case (so `Japan` is found in `Japanese`)."""
    return bool(words) and words.casefold() in evidence.casefold()  # type: ignore[union-attr]


def has_word(evidence: str, word: str) -> bool:
    """`word` occurs as a whole word, in its own case (an acronym: `ITPP`, not `itpp`)."""
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", evidence) is not None


def names_person(evidence: str, name: str) -> bool:
    """The full name, or the surname alone ("Rasmussen" for Anders Fogh Rasmussen)."""
    return contains(evidence, name) or has_word(evidence, name.split()[-1])


def states_number(evidence: str, number: int) -> bool:
    """The number in digits (not a day of a month: "16 May", "May 16") or in words (not
    "one of")."""
    months = "|".join(MONTHS)
    digits = rf"(?<![\w.,]){number}(?![\w.,])"
    days = rf"\b{number}\s+(?:{months})\b|\b(?:{months})\s+{number}\b"
    if any(m for m in re.finditer(digits, evidence)) and not re.search(days, evidence):
        return True
    if number >= len(NUMBERS):
        return False
    return re.search(rf"\b{NUMBERS[number]}\b(?!\s+of\b)", evidence, re.IGNORECASE) is not None


def states_date(evidence: str, value: DateIn) -> bool:
    """One citation states the date: its label, for an approximate date or one of whole
    years ("the early 1990s", "In the 1990s"); or each end, the day next to its month and
    the year next to both ("15 April 2013", "April 15, 2013", "25 to 29 June 2013"), the
    month next to its year ("July 2023"), the year as a number of its own, or ISO."""
    return any(_states(line, value) for line in evidence.split("\n"))


def _states(citation: str, value: DateIn) -> bool:
    whole_years = len(value.start) == 4 and (value.end is None or len(value.end) == 4)
    if value.label and (value.approximate or whole_years) and contains(citation, value.label):
        return True
    if value.approximate:
        return False  # an approximate span's ends are a reading of its label
    ends = [value.start] if value.open_ended or value.end is None else [value.start, value.end]
    return all(_states_partial(citation, end) for end in ends)


def _states_partial(citation: str, iso: str) -> bool:
    if len(iso) == 10 and has_word(citation, iso):
        return True
    parts = [int(p) for p in iso.split("-")]
    year = rf"(?<![\w%]){parts[0]}(?!\w)"
    if len(parts) == 1:
        return re.search(year, citation) is not None
    month = MONTHS[parts[1] - 1]
    name = rf"(?:{month}|{month[:3]}\.?)"
    if len(parts) == 2:
        return re.search(rf"\b{name},?\s+{year}", citation) is not None
    day = rf"0?{parts[2]}(?:st|nd|rd|th)?"
    span = r"(?:\s*(?:to|and|-|–)\s*\d{1,2}(?:st|nd|rd|th)?)?"
    # "15 April 2013", "25 to 29 June 2013", "23-25 June 2013", "April 15, 2013", "June 25-29, 2013"
    near = (
        rf"\b{day}{span}\s+(?:of\s+)?{name},?\s+{year}",
        rf"\b\d{{1,2}}\s*(?:to|and|-|–)\s*{day}\s+(?:of\s+)?{name},?\s+{year}",
        rf"\b{name}\s+(?:\d{{1,2}}\s*(?:to|and|-|–)\s*)?{day}{span},?\s+{year}",
    )
    return any(re.search(pattern, citation) for pattern in near)
