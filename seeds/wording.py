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
    if has_word(evidence, str(number)):
        return True
    return (
        number < len(NUMBERS)
        and re.search(rf"\b{NUMBERS[number]}\b", evidence, re.IGNORECASE) is not None
    )


def states_date(evidence: str, value: DateIn) -> bool:
    """The date's label occurs, or each end's year, month and day do (the day next to its
    month: "15 April", "April 15", "25 to 29 June"; or written ISO)."""
    if value.label and contains(evidence, value.label):
        return True
    if value.approximate:
        return False  # an approximate span's ends are a reading of its label
    ends = [value.start] if value.open_ended or value.end is None else [value.start, value.end]
    return all(_states_partial(evidence, end) for end in ends)


def _states_partial(evidence: str, iso: str) -> bool:
    if has_word(evidence, iso):
        return True
    parts = [int(p) for p in iso.split("-")]
    if not has_word(evidence, str(parts[0])):
        return False
    if len(parts) == 1:
        return True
    month = MONTHS[parts[1] - 1]
    name = rf"(?:{month}|{month[:3]}\.?)"
    if re.search(rf"\b{name}\b", evidence) is None:
        return False
    if len(parts) == 2:
        return True
    day = rf"0?{parts[2]}(?:st|nd|rd|th)?"
    # "15 April", "25 to 29 June", "25-29 June", "April 15", "June 25-29"
    near = (
        rf"\b{day}\s*(?:(?:to|and|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:of\s+)?{name}\b",
        rf"\b\d{{1,2}}\s*(?:to|and|-|–)\s*{day}\s+(?:of\s+)?{name}\b",
        rf"\b{name}\s+(?:\d{{1,2}}\s*(?:to|and|-|–)\s*)?{day}\b",
    )
    return any(re.search(pattern, evidence) for pattern in near)
