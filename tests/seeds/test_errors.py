"""Every seed error names the file, the record and the field."""

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from seeds.errors import SeedError
from seeds.plan import build_plan
from seeds.reading import SEEDS_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SEEDS_DIR / "data", target)
    return target


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def save(path: Path, records: list[dict]) -> None:
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def break_first(data_dir: Path, file: str, **changes: object) -> str:
    records = load(data_dir / file)
    records[0].update(changes)
    save(data_dir / file, records)
    return str(records[0]["slug"])


def error_of(data_dir: Path, sources_dir: Path | None = None) -> SeedError:
    with pytest.raises(SeedError) as caught:
        build_plan(data_dir, sources_dir)
    return caught.value


class TestEvidence:
    def test_missing_evidence_is_rejected_with_file_record_and_field(self, data_dir: Path):
        records = load(data_dir / "events.yaml")
        records[0]["citations"][0]["evidence"] = "this sentence is in no document"
        save(data_dir / "events.yaml", records)
        error = error_of(data_dir)
        assert error.file.endswith("events.yaml")
        assert records[0]["slug"] in str(error.record)
        assert error.field == "citations[0].evidence"
        assert "is not in source" in error.message

    def test_ambiguous_evidence_is_rejected_with_its_offsets(self, data_dir: Path):
        records = load(data_dir / "areas.yaml")
        source = records[0]["citations"][0]["source"]
        records[0]["citations"][0]["evidence"] = "NATO"
        save(data_dir / "areas.yaml", records)
        error = error_of(data_dir)
        assert error.field == "citations[0].evidence"
        assert "ambiguous" in error.message and source in error.message

    def test_quote_text_must_be_verbatim(self, data_dir: Path):
        slug = break_first(data_dir, "quotes.yaml", text="a paraphrase, not the words")
        error = error_of(data_dir)
        assert error.file.endswith("quotes.yaml") and slug in str(error.record)
        assert error.field == "text"


class TestStructure:
    def test_unknown_link_is_rejected(self, data_dir: Path):
        slug = break_first(data_dir, "events.yaml", areas=["no-such-area"])
        error = error_of(data_dir)
        assert slug in str(error.record) and error.field == "areas"
        assert "no-such-area" in error.message

    def test_unknown_field_is_rejected(self, data_dir: Path):
        break_first(data_dir, "people.yaml", nickname="Andy")
        error = error_of(data_dir)
        assert error.file.endswith("people.yaml") and error.field == "nickname"

    def test_malformed_date_is_rejected(self, data_dir: Path):
        break_first(data_dir, "events.yaml", date="April 2013")
        error = error_of(data_dir)
        assert error.field is not None and error.field.startswith("date")

    def test_record_without_citations_is_rejected(self, data_dir: Path):
        break_first(data_dir, "organisations.yaml", citations=[])
        assert error_of(data_dir).field == "citations"

    def test_alias_must_be_spelled_as_in_a_document(self, data_dir: Path):
        break_first(data_dir, "areas.yaml", aliases=["cyber-defenze"])
        error = error_of(data_dir)
        assert error.field == "aliases[0]" and "cyber-defenze" in error.message


class TestSources:
    def test_a_changed_document_fails_its_sha256(self, data_dir: Path, tmp_path: Path):
        sources = tmp_path / "sources"
        shutil.copytree(SEEDS_DIR / "sources", sources)
        document = sorted(sources.glob("*.txt"))[0]
        document.write_bytes(document.read_bytes() + b" ")
        error = error_of(data_dir, sources)
        assert error.file.endswith("sources.yaml") and error.field == "sha256"

    def test_the_seeded_documents_are_the_shared_originals_byte_for_byte(self):
        shared = SEEDS_DIR.parent.parent / "shared" / "sources"
        originals = sorted(shared.glob("*.txt")) if shared.is_dir() else []
        for original in originals:
            copy = SEEDS_DIR / "sources" / original.name
            assert (
                hashlib.sha256(copy.read_bytes()).digest()
                == hashlib.sha256(original.read_bytes()).digest()
            )
        for record in load(SEEDS_DIR / "data" / "sources.yaml"):
            data = (SEEDS_DIR / "sources" / record["file"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == record["sha256"]


class TestFormerSlugs:
    def test_a_former_slug_that_names_a_record_of_today_is_refused(self, data_dir: Path):
        events = load(data_dir / "events.yaml")
        events[0]["formerly"] = [events[1]["slug"]]
        save(data_dir / "events.yaml", events)
        error = error_of(data_dir)
        assert error.file.endswith("events.yaml")
        assert events[0]["slug"] in str(error.record)
        assert error.field == "formerly"
        assert f"{events[1]['slug']!r} is the slug of another event" in error.message

    def test_a_former_slug_claimed_by_two_records_is_refused(self, data_dir: Path):
        areas = load(data_dir / "areas.yaml")
        areas[0]["formerly"] = ["an-old-name"]
        areas[1]["formerly"] = ["another-old-name", "an-old-name"]
        save(data_dir / "areas.yaml", areas)
        error = error_of(data_dir)
        assert areas[1]["slug"] in str(error.record)
        assert error.field == "formerly[1]"
        assert "already a former slug of" in error.message

    def test_a_record_cannot_have_been_itself(self, data_dir: Path):
        slug = break_first(data_dir, "people.yaml")
        people = load(data_dir / "people.yaml")
        people[0]["formerly"] = [slug]
        save(data_dir / "people.yaml", people)
        assert error_of(data_dir).field == "formerly[0]"

    def test_a_former_slug_must_look_like_a_slug(self, data_dir: Path):
        break_first(data_dir, "sources.yaml", formerly=["Not A Slug"])
        error = error_of(data_dir)
        assert error.file.endswith("sources.yaml")
        assert error.field is not None and error.field.startswith("formerly")

    def test_the_same_slug_may_be_a_former_slug_of_two_kinds(self, data_dir: Path):
        break_first(data_dir, "events.yaml", formerly=["shared-old-name"])
        break_first(data_dir, "quotes.yaml", formerly=["shared-old-name"])
        assert build_plan(data_dir).formerly["event"] == {
            "shared-old-name": load(data_dir / "events.yaml")[0]["slug"]
        }
