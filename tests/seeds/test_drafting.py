"""`python -m seeds draft`: each of the five documents drafted as a new source gives
records the loader accepts once their draft marks are removed (and refuses before), and
the drafts find what the curators wrote (the table in docs/dataset.md, met targets)."""

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from seeds.__main__ import main as seeds_command
from seeds.drafting.draft import FILES
from seeds.drafting.measure import KINDS, NEW, measure, table
from seeds.errors import SeedError
from seeds.plan import build_plan
from seeds.reading import SEEDS_DIR

SOURCES = yaml.safe_load((SEEDS_DIR / "data" / "sources.yaml").read_text(encoding="utf-8"))
# Issue 15's targets: recall per kind, and at least half of each kind's proposals right.
PLAN_KINDS = {
    "source": "sources.yaml", "quote": "quotes.yaml", "person": "people.yaml",
    "organisation": "organisations.yaml", "area": "areas.yaml", "event": "events.yaml",
}  # fmt: skip
RECALL = {"quotes": 0.9, "people": 0.8, "organisations": 0.8, "areas": 0.8, "events": 0.6}


def drafted_into_a_copy(tmp_path: Path, source: dict[str, Any]) -> Path:
    """A copy of the dataset with the document added again as a new source (another file
    name and slug), and everything `python -m seeds draft` proposes for it appended."""
    data, sources = tmp_path / "data", tmp_path / "sources"
    shutil.copytree(SEEDS_DIR / "data", data)
    shutil.copytree(SEEDS_DIR / "sources", sources)
    new = sources / f"new_{source['file']}"
    shutil.copy(sources / source["file"], new)
    out = tmp_path / "draft"
    argv = ["draft", str(new), "--slug", f"new-{source['slug']}", "--title", source["title"],
            "--kind", source["kind"], "--out", str(out)]  # fmt: skip
    if source.get("published"):
        argv += ["--published", str(source["published"])]
    assert seeds_command(argv) == 0
    for file in FILES.values():
        records = yaml.safe_load((data / file).read_text(encoding="utf-8"))
        records += yaml.safe_load((out / file).read_text(encoding="utf-8")) or []
        (data / file).write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    return data


def without_marks(data: Path) -> None:
    for file in FILES.values():
        records = yaml.safe_load((data / file).read_text(encoding="utf-8"))
        for record in records:
            record.pop("draft", None)
        (data / file).write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s["slug"])
def test_a_draft_is_refused_until_reviewed_then_loads(tmp_path: Path, source: dict[str, Any]):
    data = drafted_into_a_copy(tmp_path, source)
    with pytest.raises(SeedError) as refused:
        build_plan(data, tmp_path / "sources")
    assert refused.value.field == "draft" and "remove `draft: true`" in refused.value.message
    without_marks(data)
    plan = build_plan(data, tmp_path / "sources")  # every evidence exact and unique
    assert f"new-{source['slug']}" in plan.records["source"]
    for kind, file in PLAN_KINDS.items():  # every drafted record is in the plan
        drafted = yaml.safe_load((tmp_path / "draft" / file).read_text(encoding="utf-8"))
        curated = yaml.safe_load((SEEDS_DIR / "data" / file).read_text(encoding="utf-8"))
        assert len(plan.records[kind]) == len(curated) + len(drafted or []), kind
    assert yaml.safe_load((tmp_path / "draft" / "events.yaml").read_text(encoding="utf-8"))


def as_new(tmp_path: Path, index: int) -> Path:
    """One of the five documents under a file name no source has."""
    document = tmp_path / f"new_{SOURCES[index]['file']}"
    shutil.copy(SEEDS_DIR / "sources" / SOURCES[index]["file"], document)
    return document


def test_the_command_writes_a_file_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    document = as_new(tmp_path, 1)
    tmp_path = tmp_path / "out"
    argv = ["draft", str(document), "--slug", "x", "--title", "T", "--out", str(tmp_path)]
    assert seeds_command(argv) == 0
    assert {p.name for p in tmp_path.iterdir()} == {*FILES.values(), "named.yaml"}
    assert "remove its `draft: true`" in capsys.readouterr().out
    (source,) = yaml.safe_load((tmp_path / "sources.yaml").read_text(encoding="utf-8"))
    assert source["published"] == "2014-05-07"  # from the dateline
    quotes = yaml.safe_load((tmp_path / "quotes.yaml").read_text(encoding="utf-8"))
    assert {q["speaker"] for q in quotes} >= {"shinzo-abe", "anders-fogh-rasmussen"}
    events = yaml.safe_load((tmp_path / "events.yaml").read_text(encoding="utf-8"))
    tuesday = next(e for e in events if "Tuesday" in e["summary"])
    assert tuesday["date"]["start"] == "2014-05-06" and "Tuesday" in tuesday["date"]["note"]


def test_the_drafts_find_what_the_curators_wrote():
    scores = measure()
    assert set(scores) == {*KINDS, *NEW}
    for kind in KINDS:  # the targets are set on each kind, known and new records together
        score = scores[kind]
        assert score.recall >= RECALL[kind], (kind, table(scores))
        assert score.precision >= 0.5, (kind, table(scores))
    documented = (SEEDS_DIR.parent / "docs" / "dataset.md").read_text(encoding="utf-8")
    assert table(scores) in documented  # docs/dataset.md shows this run's figures


class TestOddInput:
    def test_days_no_calendar_has_are_left_out_not_a_crash(self, tmp_path: Path):
        document = tmp_path / "odd.txt"
        document.write_text(
            "June 31, 2014\n\nOdd dates\n\nNATO and Japan met from 30 to 32 June in Tokyo. "
            "Japan signed a declaration on 31 February 2015. They met again on Tuesday.\n",
            encoding="utf-8",
        )
        argv = [
            "draft",
            str(document),
            "--slug",
            "odd",
            "--title",
            "T",
            "--out",
            str(tmp_path / "d"),
        ]
        assert seeds_command(argv) == 0
        events = yaml.safe_load((tmp_path / "d" / "events.yaml").read_text(encoding="utf-8"))
        starts = {e["date"]["start"] for e in events if e.get("date")}
        assert starts and not {s for s in starts if s.startswith(("2014-06-31", "2015-02-31"))}

    def test_a_file_that_is_not_utf8_is_named(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        document = tmp_path / "latin1.txt"
        document.write_bytes("Déclaration".encode("latin-1"))
        argv = ["draft", str(document), "--slug", "x", "--title", "T", "--out", str(tmp_path)]
        assert seeds_command(argv) == 1
        assert "latin1.txt" in capsys.readouterr().err

    def test_a_publication_date_that_is_no_date_is_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ):
        argv = ["draft", str(as_new(tmp_path, 0)), "--slug", "x", "--title", "T", "--published",
                "yesterday", "--out", str(tmp_path / "out")]  # fmt: skip
        assert seeds_command(argv) == 1
        assert "--published 'yesterday'" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("extra", "said"),
        [
            (["--slug", "Not A Slug"], "is not a slug"),
            (["--slug", SOURCES[0]["slug"]], "already has the slug"),
            (["--data-dir", "/nonexistent"], "the curated files in /nonexistent"),
        ],
    )
    def test_a_bad_argument_is_named(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str
    ):
        argv = ["draft", str(as_new(tmp_path, 0)), "--slug", "x", "--title", "T",
                "--out", str(tmp_path / "out"), *extra]  # fmt: skip
        assert seeds_command(argv) == 1
        assert said in capsys.readouterr().err

    def test_an_output_path_it_cannot_write_is_named(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        blocker = tmp_path / "a-file"
        blocker.write_text("", encoding="utf-8")
        argv = ["draft", str(as_new(tmp_path, 0)), "--slug", "x", "--title", "T",
                "--out", str(blocker)]  # fmt: skip
        assert seeds_command(argv) == 1
        assert "cannot write to" in capsys.readouterr().err

    def test_an_empty_curated_file_is_no_records(self, tmp_path: Path):
        data = tmp_path / "data"
        shutil.copytree(SEEDS_DIR / "data", data)
        (data / "quotes.yaml").write_text("", encoding="utf-8")
        argv = ["draft", str(as_new(tmp_path, 1)), "--slug", "x", "--title", "T",
                "--data-dir", str(data), "--out", str(tmp_path / "out")]  # fmt: skip
        assert seeds_command(argv) == 0

    def test_a_repeated_paragraph_gives_no_evidence_that_is_not_unique(self, tmp_path: Path):
        paragraph = "Japan and NATO signed a declaration in Tokyo on 15 April 2013. "
        document = tmp_path / "repeat.txt"
        document.write_text("April 20, 2013\n\n" + (paragraph + "\n") * 400, encoding="utf-8")
        argv = ["draft", str(document), "--slug", "x", "--title", "T", "--out", str(tmp_path / "o")]
        assert seeds_command(argv) == 0
        text = document.read_text(encoding="utf-8")
        for file in FILES.values():
            for record in yaml.safe_load((tmp_path / "o" / file).read_text(encoding="utf-8")) or []:
                for citation in record.get("citations", []):
                    assert text.count(citation["evidence"]) == 1, citation


def drafted(tmp_path: Path, text: str, **options: str) -> dict[str, list[dict[str, Any]]]:
    """What `python -m seeds draft` writes for `text`, by curated file."""
    document = tmp_path / "new.txt"
    document.write_text(text, encoding="utf-8")
    argv = ["draft", str(document), "--slug", "new", "--title", "T", "--out", str(tmp_path / "d")]
    for name, value in options.items():
        argv += [f"--{name}", value]
    assert seeds_command(argv) == 0
    return {
        file: yaml.safe_load((tmp_path / "d" / file).read_text(encoding="utf-8")) or []
        for file in FILES.values()
    }


class TestWhoSpeaks:
    def test_an_unnamed_official_speaks_by_role_for_the_state_the_adjective_names(
        self, tmp_path: Path
    ):
        quotes = drafted(
            tmp_path,
            "Wednesday, May 7, 2014\n\nTalks\n\n"
            "A Japanese official said Kishida raised the question of fishing rights at length. "
            "The two sides also discussed maritime patrols in the region, the official said.\n",
        )["quotes.yaml"]
        by_words = {q["text"].split()[0]: q for q in quotes}
        first, second = by_words["Kishida"], by_words["The"]
        for quote in (first, second):  # the words spoken of are not the speaker
            assert quote["speaker"] is None and quote["speaker_role"] == "Japanese official"
            assert quote["speaker_organisation"] == "japan"
        # "the official" is the one introduced before: both passages are cited.
        here, before = [c["evidence"] for c in second["citations"]]
        assert "official said" in here and before == "Japanese official"

    def test_officials_whose_body_the_text_does_not_give_speak_by_role_alone(self, tmp_path: Path):
        (quote,) = drafted(
            tmp_path,
            "Wednesday, May 7, 2014\n\nTalks\n\n"
            "Officials involved in preparing the meetings said that the leaders would not "
            "discuss an office in Tokyo sought by NATO.\n",
        )["quotes.yaml"]
        assert (quote["speaker"], quote["speaker_organisation"]) == (None, None)
        assert quote["speaker_role"] == "Officials involved in preparing the meetings"

    def test_a_named_speaker_speaks_for_the_body_their_title_names(self, tmp_path: Path):
        quotes = drafted(
            tmp_path,
            "Wednesday, May 7, 2014\n\nTalks\n\n"
            '"Japan is a close partner of ours," NATO Secretary General Jens Stoltenberg '
            "said, pointing out that China worries the alliance.\n",
        )["quotes.yaml"]
        (quote,) = [q for q in quotes if q["text"].startswith("Japan is a close")]
        assert quote["speaker"] == "jens-stoltenberg"
        assert quote["speaker_organisation"] == "nato"  # not China, which they speak about
        assert quote["speaker_role"] == "NATO Secretary General"
        assert "NATO Secretary General Jens Stoltenberg" in quote["citations"][0]["evidence"]

    def test_a_bodys_own_page_states_its_stance_in_its_own_words(self, tmp_path: Path):
        page = (
            "NATO – Theme: Relations with Norway\n\n"
            "Norway and NATO hold regular talks. The Arctic is important to the Alliance, as "
            "developments there can directly affect its security.\n"
        )
        stance = "The Arctic is important to the Alliance"
        quotes = drafted(tmp_path, page, kind="topic_page")["quotes.yaml"]
        (quote,) = [q for q in quotes if q["text"].startswith(stance)]
        assert (quote["speaker"], quote["speaker_organisation"]) == (None, "nato")
        (title,) = quote["citations"]  # the words that say whose page it is
        assert title["evidence"].startswith("NATO") and title["evidence"] in page.split("\n")[0]
        assert not [q for q in quotes if q["text"].startswith("Norway and NATO hold")]
        news = drafted(tmp_path, page, kind="news_article")["quotes.yaml"]
        assert not [q for q in news if q["text"].startswith(stance)]  # a report's own words


def test_a_date_worked_out_from_the_dateline_is_marked_inferred_with_its_note(tmp_path: Path):
    events = drafted(
        tmp_path,
        "Wednesday, May 7, 2014\n\nTalks\n\nJapan and NATO signed a roadmap on Tuesday in "
        "Brussels. They met again on 9 June 2014 in Tokyo.\n",
    )["events.yaml"]
    by_start = {e["date"]["start"]: e for e in events if e.get("date")}
    resolved, stated = by_start["2014-05-06"], by_start["2014-06-09"]
    assert resolved["basis"] == {"date": "inferred"} and "Tuesday" in resolved["date"]["note"]
    assert "basis" not in stated  # its words state it: the loader checks that
