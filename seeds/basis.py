"""What each curated value rests on: the words the record cites (`stated`), a reading of
the documents (`inferred`), or outside knowledge (`external`).

A value is stated only when its record's evidence contains it, which seeds/wording.py
checks mechanically: a date's day, month and year (or its label), a place, a name or a
surname, an acronym, a number in digits or words, an area's name or one of its aliases.
A value the check cannot find must be marked `inferred` or `external` with the
reasoning; a value marked `stated` that the check cannot find is refused.
docs/dataset.md has the rules.
"""

from dataclasses import dataclass
from typing import Any

from seeds.records import BasisIn, DateIn
from seeds.wording import contains, has_word, names_person, states_date, states_number

# The fields of each kind that carry a basis. `areas` carries one per linked area: its
# entries are written `areas.<slug>`.
FIELDS: dict[str, tuple[str, ...]] = {
    "organisation": ("acronym", "country"),
    "person": ("country",),
    "programme": ("in_force", "acronym", "priority_areas", "areas"),
    "event": ("date", "place.name", "place.country", "areas"),
    "quote": ("date", "speaker", "speaker_organisation", "speaker_role", "areas"),
}
DATE_FIELDS = frozenset({"date", "in_force"})


@dataclass(frozen=True)
class Basis:
    """One value's basis, as the database stores it and the API shows it."""

    field: str
    item: str | None  # the linked record's slug, for a link such as `areas`
    basis: str  # stated, inferred or external
    reason: str | None


class BasisError(ValueError):
    """A basis that cannot stand; `field` names the entry (`basis.date`, `basis`)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Value:
    """A value to check: the field (and item) it fills, whether the evidence states it,
    and how an error names it."""

    field: str
    item: str | None
    found: bool
    shown: str


@dataclass(frozen=True)
class Names:
    """What the checks need of the records a value names: a person's name, a body's
    name and acronym, an area's name and aliases; by slug."""

    people: dict[str, str]
    organisations: dict[str, tuple[str, str | None]]
    areas: dict[str, list[str]]


# Who speaks is stated by the words that attribute a quote, not by the quote itself
# (which may speak of Japan or NATO without speaking for either).
_ATTRIBUTED = frozenset({"speaker", "speaker_organisation", "speaker_role"})


def values_of(
    kind: str, record: Any, evidence: str, names: Names, attribution: str | None = None
) -> list[Value]:
    """The values of `record` that carry a basis, each checked against `evidence` (a
    quote's speaker, body and role against its `attribution`: the other citations)."""
    out = []
    for field in FIELDS.get(kind, ()):
        if field == "areas":
            for slug in sorted(set(record.areas)):
                words = names.areas[slug]
                found = any(contains(evidence, w) for w in words)
                out.append(Value(field, slug, found, f"the area {words[0]!r} (or an alias)"))
            continue
        value = _value(record, field)
        if value is not None:
            text = attribution if field in _ATTRIBUTED and attribution is not None else evidence
            found, shown = _check(field, value, text, names)
            out.append(Value(field, None, found, shown))
    return out


def _value(record: Any, field: str) -> Any:
    if field.startswith("place."):
        return getattr(record.place, field.removeprefix("place."))
    return getattr(record, field)


def _check(field: str, value: Any, evidence: str, names: Names) -> tuple[bool, str]:
    """Whether `evidence` states `value`, and how an error names it."""
    if field in DATE_FIELDS:
        end = f" to {value.end}" if value.end else ""
        return states_date(evidence, value), f"the date {value.start}{end}"
    if field == "acronym":
        return has_word(evidence, value), f"the acronym {value!r}"
    if field == "priority_areas":
        return states_number(evidence, value), f"the number {value}"
    if field == "speaker":
        name = names.people[value]
        return names_person(evidence, name), f"the speaker's name {name!r}"
    if field == "speaker_organisation":
        name, acronym = names.organisations[value]
        found = contains(evidence, name) or (acronym is not None and has_word(evidence, acronym))
        return found, f"the organisation {name!r} (or its acronym)"
    return contains(evidence, value), f"the {field.removeprefix('place.')} {value!r}"


def bases(kind: str, record: Any, values: list[Value], renamed: dict[str, str]) -> list[Basis]:
    """The basis of every value of a record: the curator's mark where one is given (a
    `stated` mark must be borne out by the evidence), `stated` where the evidence bears
    the value out, and otherwise an error asking for a mark. A mark may name a linked
    area by a former slug (`renamed`: former → current), as a list filter may."""
    declared: dict[str, BasisIn] = {
        f"areas.{renamed.get(key[6:], key[6:])}" if key.startswith("areas.") else key: mark
        for key, mark in record.basis.items()
    }
    out: list[Basis] = []
    unused = dict(declared)
    for value in values:
        key = value.field if value.item is None else f"{value.field}.{value.item}"
        mark = unused.pop(key, None)
        if mark is None and value.item is not None:  # the mark of every link not marked itself
            mark = declared.get(value.field)
            unused.pop(value.field, None)
        if mark is None:
            if not value.found:
                raise BasisError(
                    f"the record's evidence does not state {value.shown}: mark it "
                    "`inferred` or `external` with the reasoning",
                    f"basis.{key}",
                )
            out.append(Basis(value.field, value.item, "stated", None))
        elif mark.basis == "stated":
            if not value.found:
                raise BasisError(
                    f"marked stated, but the record's evidence does not contain {value.shown}",
                    f"basis.{key}",
                )
            if mark.reason:
                raise BasisError(
                    "a stated value needs no reasoning: its evidence is its basis (say more "
                    "in the record's note)",
                    f"basis.{key}",
                )
            out.append(Basis(value.field, value.item, "stated", None))
        else:
            reason = mark.reason
            if reason is None and value.field in DATE_FIELDS:
                date: DateIn = getattr(record, value.field)
                reason = date.note
            if not reason:
                raise BasisError(f"an `{mark.basis}` value needs its reasoning", f"basis.{key}")
            out.append(Basis(value.field, value.item, mark.basis, reason))
    for key in unused:
        allowed = FIELDS.get(kind, ())
        field = "areas" if key.startswith("areas.") else key
        if field not in allowed:
            raise BasisError(
                f"{key!r} carries no basis on a record of kind {kind} "
                f"(fields: {', '.join(allowed) or 'none'})",
                f"basis.{key}",
            )
        raise BasisError(f"{key!r} has no value to mark", f"basis.{key}")
    return out
