"""The loader decides what each value rests on: stated values are checked against the
record's evidence, and every other value must be marked, with its reasoning."""

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from seeds.basis import FIELDS, Names, values_of
from seeds.errors import SeedError
from seeds.plan import build_plan
from seeds.reading import SEEDS_DIR
from seeds.records import DateIn, QuoteIn
from seeds.wording import states_date, states_number


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SEEDS_DIR / "data", target)
    return target


def change(data_dir: Path, file: str, slug: str, **changes: Any) -> None:
    """Edit one record; a `place` change takes the place's name only, and its mark."""
    path = data_dir / file
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["slug"] == slug]
    marks = dict(record.get("basis", {}))
    if "place" in changes:
        changes["place"] = {**record["place"], **changes["place"]}
        marks.pop("place.name", None)
    changes["basis"] = {**marks, **changes.get("basis", {})}
    record.update(changes)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")


def refused(data_dir: Path) -> SeedError:
    with pytest.raises(SeedError) as caught:
        build_plan(data_dir)
    return caught.value


def event(slug: str) -> dict[str, Any]:
    records = yaml.safe_load((SEEDS_DIR / "data" / "events.yaml").read_text(encoding="utf-8"))
    return next(r for r in records if r["slug"] == slug)


# An event whose evidence names its place and its date: "…met in Brussels on Tuesday…"
STATED = "ipcp-signing-2014"


class TestTheLoaderChecks:
    def test_a_value_the_evidence_lacks_must_be_marked(self, data_dir: Path):
        change(data_dir, "events.yaml", STATED, place={"name": "Atlantis"})
        error = refused(data_dir)
        assert error.file.endswith("events.yaml") and STATED in str(error.record)
        assert error.field == "basis.place.name"
        assert "'Atlantis'" in error.message and "inferred" in error.message

    def test_a_value_marked_stated_that_the_evidence_lacks_is_refused(self, data_dir: Path):
        change(
            data_dir, "events.yaml", STATED,
            place={"name": "Atlantis"}, basis={"place.name": "stated"},
        )  # fmt: skip
        error = refused(data_dir)
        assert error.field == "basis.place.name" and "marked stated" in error.message

    def test_a_marked_value_is_taken_with_its_reasoning(self, data_dir: Path):
        reason = "A reading of the text, for this test."
        change(
            data_dir, "events.yaml", STATED,
            place={"name": "Atlantis"},
            basis={"place.name": {"external": reason}},
        )  # fmt: skip
        bases = build_plan(data_dir).records["event"][STATED].bases
        (place,) = [b for b in bases if b.field == "place.name"]
        assert (place.basis, place.reason) == ("external", reason)

    def test_an_inferred_value_needs_its_reasoning(self, data_dir: Path):
        change(
            data_dir, "events.yaml", STATED,
            place={"name": "Atlantis"}, basis={"place.name": "inferred"},
        )  # fmt: skip
        error = refused(data_dir)
        assert error.field == "basis.place.name" and "needs its reasoning" in error.message

    def test_a_date_marked_without_a_reason_takes_its_note(self, data_dir: Path):
        note = "Worked out for this test."
        change(
            data_dir, "events.yaml", STATED,
            date={"start": "1999-01-02", "note": note}, basis={"date": "inferred"},
        )  # fmt: skip
        (date,) = [
            b for b in build_plan(data_dir).records["event"][STATED].bases if b.field == "date"
        ]
        assert (date.basis, date.reason) == ("inferred", note)

    def test_a_mark_on_a_field_without_a_value_or_without_a_basis_is_refused(self, data_dir: Path):
        change(data_dir, "events.yaml", STATED, basis={"title": {"inferred": "x"}})
        assert refused(data_dir).field == "basis.title"
        shutil.copy(SEEDS_DIR / "data" / "events.yaml", data_dir / "events.yaml")
        change(data_dir, "events.yaml", STATED, basis={"areas.outer-space": {"inferred": "x"}})
        error = refused(data_dir)
        assert error.field == "basis.areas.outer-space" and "no value" in error.message

    def test_an_area_link_the_evidence_does_not_name_must_be_marked(self, data_dir: Path):
        record = event(STATED)
        change(data_dir, "events.yaml", STATED, areas=[*record["areas"], "outer-space"])
        assert refused(data_dir).field == "basis.areas.outer-space"
        change(
            data_dir, "events.yaml", STATED,
            areas=[*record["areas"], "outer-space"],
            basis={"areas": {"inferred": "Every link, for this test."}},
        )  # fmt: skip
        bases = build_plan(data_dir).records["event"][STATED].bases
        assert [b.basis for b in bases if b.item == "outer-space"] == ["inferred"]

    def test_a_quote_speakers_name_and_role_are_checked(self, data_dir: Path):
        quotes = yaml.safe_load((data_dir / "quotes.yaml").read_text(encoding="utf-8"))
        quote = next(q for q in quotes if q.get("speaker_role") and "basis" not in q)
        change(data_dir, "quotes.yaml", quote["slug"], speaker_role="Grand Vizier")
        error = refused(data_dir)
        assert error.field == "basis.speaker_role" and "'Grand Vizier'" in error.message


class TestTheCuratedData:
    def test_every_value_of_every_field_with_a_basis_has_one(self):
        plan = build_plan()
        for kind, fields in FIELDS.items():
            for slug, state in plan.records[kind].items():
                marked = {b.field if b.item is None else f"areas.{b.item}" for b in state.bases}
                for name in fields:
                    if name == "areas":
                        expected = {f"areas.{a}" for a in state.links["areas"]}
                        assert {m for m in marked if m.startswith("areas.")} == expected, slug
                    elif _filled(state, name):
                        assert name in marked, (kind, slug, name)

    def test_no_value_rests_on_nothing(self):
        plan = build_plan()
        for states in plan.records.values():
            for slug, state in states.items():
                for b in state.bases:
                    assert b.basis in ("stated", "inferred", "external")
                    assert b.basis == "stated" or (b.reason and b.reason.strip()), slug


def _filled(state: Any, name: str) -> bool:
    column = {
        "date": "start_date", "in_force": "start_date", "place.name": "place_name",
        "place.country": "place_country", "speaker": None, "speaker_organisation": None,
    }.get(name, name)  # fmt: skip
    if column is None:
        return state.refs[f"{name}_id"][1] is not None
    return state.columns.get(column) is not None


@pytest.mark.parametrize(
    ("evidence", "date", "stated"),
    [
        ("signed on 15 April 2013", {"start": "2013-04-15"}, True),
        ("signed on April 15, 2013", {"start": "2013-04-15"}, True),
        ("signed on 15 April", {"start": "2013-04-15"}, False),  # the year is elsewhere
        ("In July 2023, the leaders met", {"start": "2023-07"}, True),
        ("In July 2023, the leaders met", {"start": "2023-07-12"}, False),
        ("from 25 to 29 June 2013", {"start": "2013-06-25", "end": "2013-06-29"}, True),
        ("over a five-year period (2009-2013)", {"start": "2009", "end": "2013"}, True),
        ("in the early 1990s", {"start": "1990", "end": "1993", "approximate": True,
                                "label": "early 1990s"}, True),
        ("in the 1990s", {"start": "1990", "end": "1993", "approximate": True}, False),
        ("on Tuesday in Brussels", {"start": "2014-05-06"}, False),
        ("in 2014 and 2015", {"start": "2015"}, True),
        ("in 20150", {"start": "2015"}, False),  # a year is a whole number
        ("met on 25 June\nthe crisis of 2014", {"start": "2014-06-25"}, False),  # two citations
        ("June 25 and, much later, 2014", {"start": "2014-06-25"}, False),  # the year apart
        ("In July 2023, the leaders", {"start": "2023-07-11", "label": "July 2023"}, False),
        ("nato%204%2015%2013.jpg", {"start": "2013"}, False),  # a file name's digits
        ("agreed in July 2023", {"start": "2023-07"}, True),
        ("April, 2013", {"start": "2013-04"}, True),
    ],
)  # fmt: skip
def test_which_dates_the_words_state(evidence: str, date: dict[str, Any], stated: bool):
    assert states_date(evidence, DateIn(**date)) is stated


@pytest.mark.parametrize(
    ("evidence", "number", "stated"),
    [
        ("in 16 areas", 16, True),
        ("increased from the nine in the previous document", 9, True),
        ("adopted on 16 May", 16, False),  # a day of a month
        ("on May 16 in Brussels", 16, False),
        ("Japan is one of NATO's partners", 1, False),
        ("version 2.16 of the text", 16, False),
    ],
)
def test_which_numbers_the_words_state(evidence: str, number: int, stated: bool):
    assert states_number(evidence, number) is stated


def test_who_speaks_is_stated_by_the_attribution_not_by_the_words_spoken():
    quote = QuoteIn(
        slug="q", text="cooperation is important for Japan and NATO", source="s",
        speaker="shinzo-abe", speaker_organisation="japan", speaker_role="Prime Minister",
    )  # fmt: skip
    names = Names(
        people={"shinzo-abe": "Shinzo Abe"},
        organisations={"japan": ("Japan", None)},
        areas={},
    )
    attribution = "At a joint press conference, Prime Minister Abe said,"
    evidence = f"{quote.text}\n{attribution}"
    found = {v.field: v.found for v in values_of("quote", quote, evidence, names, attribution)}
    assert found == {"speaker": True, "speaker_role": True, "speaker_organisation": False}
