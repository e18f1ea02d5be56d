"""Releases, the change feed, old slugs and the data package, over a history of three
releases made by seeding edited copies of the curated files (SQLite and PostgreSQL):

1. the curated data as it is;
2. an event's summary edited, a quote deleted, an event renamed (`formerly:`), an event
   added;
3. an area renamed, another merged into it (its references moved), the added event
   deleted, and one more summary edited.
"""

import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from frictionless import validate

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from app.core.orders import encode_cursor
from app.main import create_app
from app.releases import service
from seeds.loader import seed
from seeds.plan import KINDS
from seeds.reading import SEEDS_DIR
from tests.databases import BACKENDS, temporary_database
from tests.support import FILES, assert_problem, walk

PLURAL = {"event": "events", "programme": "programmes", "area": "areas", "quote": "quotes",
          "person": "people", "organisation": "organisations", "source": "sources"}  # fmt: skip


def read(data: Path, plural: str) -> list[dict[str, Any]]:
    return yaml.safe_load((data / FILES[plural]).read_text(encoding="utf-8"))


def write(data: Path, plural: str, records: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False)
    (data / FILES[plural]).write_text(text, encoding="utf-8")


def leaf_areas(data: Path) -> list[str]:
    """Areas no other area names as its parent, the most linked first."""
    areas = read(data, "areas")
    parents = {a.get("parent") for a in areas}
    uses: dict[str, int] = {}
    for plural in ("events", "programmes", "quotes"):
        for record in read(data, plural):
            for slug in record.get("areas", []):
                uses[slug] = uses.get(slug, 0) + 1
    leaves = [a["slug"] for a in areas if a["slug"] not in parents]
    return sorted(leaves, key=lambda s: -uses.get(s, 0))


def move_area_references(data: Path, old: str, new: str, *, merged: bool = False) -> None:
    """Links to `old` made links to `new`; when `old` is merged into another area, the
    evidence that named `old` may not name `new`: the link is marked as a reading, as a
    curator would (a renamed area keeps its names, and marks may use its former slug)."""
    for plural in ("events", "programmes", "quotes"):
        records = read(data, plural)
        for record in records:
            if old in record.get("areas", []):
                record["areas"] = sorted({new if s == old else s for s in record["areas"]})
                if merged:
                    marks = record.setdefault("basis", {})
                    marks.pop(f"areas.{old}", None)
                    marks.setdefault(f"areas.{new}", {"inferred": f"Merged from {old}."})
        write(data, plural, records)


def rename_source(data: Path, old: str, new: str) -> None:
    """Give a source a new slug, keeping the old one, and point every citation at it."""

    def moved(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: new if k == "source" and v == old else moved(v) for k, v in value.items()}
        return [moved(v) for v in value] if isinstance(value, list) else value

    for plural in FILES:
        records = moved(read(data, plural))
        for record in records:
            if plural == "sources" and record["slug"] == old:
                record.update(slug=new, formerly=[old])
        write(data, plural, records)


def served(client: TestClient) -> dict[tuple[str, str], Any]:
    """Every record as the API answers it, by (type, slug), from the NDJSON exports: each
    line is the record's detail answer (a source's detail adds its text, which no
    release changes; the mirror test compares detail answers themselves)."""
    return {
        (kind, record["slug"]): record
        for kind, plural in PLURAL.items()
        for record in map(json.loads, client.get(f"/v1/{plural}.ndjson").text.splitlines())
    }


@dataclass
class History:
    client: TestClient
    data: Path
    engine: Any
    versions: list[str] = field(default_factory=list)  # of releases 1, 2, 3
    first_package: bytes = b""
    edited: str = ""  # event edited in release 2
    deleted_quote: str = ""
    renamed_event: tuple[str, str] = ("", "")  # (old, new)
    added_event: str = "added-event-for-release-two"
    renamed_area: tuple[str, str] = ("", "")
    merged_area: str = ""
    renamed_again: str = ""  # the event renamed in release 2, renamed again in release 3
    renamed_source: tuple[str, str] = ("", "")
    no_release_reports: list[Any] = field(default_factory=list)
    seed_output: str = ""  # what `python -m seeds --data-dir` printed for release 2
    answers: list[dict[tuple[str, str], Any]] = field(default_factory=list)  # after each


@pytest.fixture(scope="module", params=BACKENDS)
def history(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[History]:
    directory = tmp_path_factory.mktemp("releases")
    data = directory / "data"
    shutil.copytree(SEEDS_DIR / "data", data)
    with temporary_database(request.param, directory) as url:
        upgrade(url)
        engine = make_engine(Settings(database_url=url))
        # The version read afresh on every request: the history is seeded under it.
        app = create_app(Settings(database_url=url, response_cache_mb=0, data_version_ttl=0))
        with TestClient(app, raise_server_exceptions=False) as client:
            h = History(client, data, engine)
            seed(engine, data_dir=data)
            h.first_package = client.get("/v1/releases/latest/package").content
            h.answers.append(served(client))
            h.no_release_reports.append(seed(engine))  # the same files, from their own path

            events, quotes = read(data, "events"), read(data, "quotes")
            h.edited = events[0]["slug"]
            events[0]["summary"] += " (Edited for release two.)"
            old = events[1]["slug"]
            h.renamed_event = (old, f"{old}-renamed")
            events[1].update(slug=h.renamed_event[1], formerly=[old])
            events.append({**events[2], "slug": h.added_event})
            h.deleted_quote = quotes.pop()["slug"]
            write(data, "events", events)
            write(data, "quotes", quotes)
            # As a curator runs it: `python -m seeds --data-dir <a copy>`.
            command = [
                sys.executable,
                "-m",
                "seeds",
                "--database-url",
                url,
                "--data-dir",
                str(data),
            ]
            run = subprocess.run(command, capture_output=True, text=True, timeout=120)
            assert run.returncode == 0, run.stderr
            h.seed_output = run.stdout
            h.answers.append(served(client))

            target, merged = leaf_areas(data)[:2]
            h.renamed_area, h.merged_area = (target, f"{target}-renamed"), merged
            move_area_references(data, merged, target, merged=True)
            areas = [a for a in read(data, "areas") if a["slug"] != merged]
            for area in areas:
                if area["slug"] == target:
                    area.update(slug=h.renamed_area[1], formerly=[target, merged])
            write(data, "areas", areas)
            move_area_references(data, target, h.renamed_area[1])
            events = [e for e in read(data, "events") if e["slug"] != h.added_event]
            events[3]["summary"] += " (Edited for release three.)"
            # Renamed again, declaring only the slug of release 2: the first still leads.
            h.renamed_again = f"{h.renamed_event[0]}-again"
            for event in events:
                if event["slug"] == h.renamed_event[1]:
                    event.update(slug=h.renamed_again, formerly=[h.renamed_event[1]])
            write(data, "events", events)
            source = read(data, "sources")[0]["slug"]
            h.renamed_source = (source, f"{source}-renamed")
            rename_source(data, *h.renamed_source)
            seed(engine, data_dir=data)
            h.answers.append(served(client))
            h.no_release_reports.append(seed(engine, data_dir=data))

            h.versions = [r["version"] for r in reversed(walk(client, "/v1/releases?limit=2"))]
            yield h
        engine.dispose()


def changes(client: TestClient, release: str) -> list[dict[str, Any]]:
    return client.get(f"/v1/releases/{release}").json()["changes"]


def keyed(entries: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(c["type"], c["slug"], c["action"], c["formerly"]) for c in entries}


class TestReleases:
    def test_each_seed_run_that_changed_the_data_made_one_release_newest_first(
        self, history: History
    ):
        listed = walk(history.client, "/v1/releases?limit=2")
        assert [r["number"] for r in listed] == [3, 2, 1]
        assert [r["current"] for r in listed] == [True, False, False]
        assert [r["previous"] for r in listed] == [history.versions[1], history.versions[0], None]
        assert listed[0]["package_url"] == f"/v1/releases/{history.versions[2]}/package"
        assert listed[1]["package_url"] is None
        assert listed[2]["changes_url"] == "/v1/changes"
        assert listed[1]["changes_url"] == f"/v1/changes?since={history.versions[0]}"

    def test_the_seed_command_says_which_release_it_made(self, history: History):
        lines = history.seed_output.splitlines()
        assert lines[0].split() == ["created", "updated", "renamed", "unchanged", "deleted"]
        assert lines[-1] == f"seeded dataset {history.versions[1][:12]}: release 2."
        event = next(line.split() for line in lines if line.startswith("event "))
        assert event[1:4] == ["1", "1", "1"]  # one created, one updated, one renamed

    def test_a_run_that_changes_nothing_makes_no_release(self, history: History):
        assert [r.release for r in history.no_release_reports] == [None, None]
        assert [r.changed for r in history.no_release_reports] == [False, False]

    def test_the_dataset_version_is_the_current_release(self, history: History):
        meta = history.client.get("/v1/events?limit=1").json()["meta"]
        assert meta["data_version"] == history.versions[2]

    def test_the_first_release_created_every_record(self, history: History):
        first = history.client.get(f"/v1/releases/{history.versions[0]}").json()
        assert {c["action"] for c in first["changes"]} == {"created"}
        assert len(first["changes"]) == sum(first["counts"].values())
        assert first["summary"] == {
            "created": len(first["changes"]),
            "updated": 0,
            "renamed": 0,
            "deleted": 0,
        }

    def test_release_two_lists_the_edit_the_deletion_the_rename_and_the_new_record(
        self, history: History
    ):
        found = changes(history.client, history.versions[1])
        old, new = history.renamed_event
        assert {
            ("event", history.edited, "updated", None),
            ("quote", history.deleted_quote, "deleted", None),
            ("event", new, "renamed", old),
            ("event", history.added_event, "created", None),
        } <= keyed(found)
        edited = next(c for c in found if c["slug"] == history.edited)
        assert edited["fields"] == ["summary"]
        renamed = next(c for c in found if c["action"] == "renamed")
        assert renamed["fields"] == ["slug"] and renamed["url"] == f"/v1/events/{new}"
        # Records whose answer changed with it are listed too (a source's citation count).
        assert all(c["release"] == history.versions[1] for c in found)

    def test_release_three_lists_the_rename_the_merge_and_the_deletion(self, history: History):
        found = changes(history.client, history.versions[2])
        old, new = history.renamed_area
        assert {
            ("area", new, "renamed", old),
            ("area", new, "renamed", history.merged_area),
            ("event", history.added_event, "deleted", None),
        } <= keyed(found)
        # The events that named the renamed area answer differently: each is listed.
        linked = history.client.get(f"/v1/events?area={new}&limit=200").json()["data"]
        assert linked
        updated = {c["slug"] for c in found if c["type"] == "event" and c["action"] == "updated"}
        assert {e["slug"] for e in linked} <= updated

    @pytest.mark.parametrize("number", [2, 3])
    def test_the_change_list_is_exactly_what_the_answers_changed(
        self, history: History, number: int
    ):
        before, after = history.answers[number - 2], history.answers[number - 1]
        found = changes(history.client, history.versions[number - 1])

        def listed(*actions: str, key: str = "slug") -> set[tuple[str, str]]:
            return {(c["type"], c[key]) for c in found if c["action"] in actions}

        renamed_into = {k for k in listed("renamed") if k not in before}
        assert listed("created") | renamed_into == after.keys() - before.keys()
        assert listed("deleted") | listed("renamed", key="formerly") == before.keys() - after.keys()
        differing = {k for k in before.keys() & after.keys() if before[k] != after[k]}
        assert listed("updated") == differing
        for change in found:
            if change["action"] == "updated":
                old, new = (
                    before[(change["type"], change["slug"])],
                    after[(change["type"], change["slug"])],
                )
                assert change["fields"] == sorted(
                    f for f in old.keys() | new.keys() if old.get(f) != new.get(f)
                )

    def test_each_release_lists_its_changes_by_type_then_slug(self, history: History):
        rank = {kind: i for i, kind in enumerate(KINDS)}
        for version in history.versions:
            keys = [(rank[c["type"]], c["slug"]) for c in changes(history.client, version)]
            assert keys == sorted(keys)

    def test_the_summary_counts_the_change_list(self, history: History):
        for version in history.versions:
            release = history.client.get(f"/v1/releases/{version}").json()
            counted = {
                a: sum(c["action"] == a for c in release["changes"]) for a in release["summary"]
            }
            assert release["summary"] == counted

    def test_latest_names_the_newest_release(self, history: History):
        latest = history.client.get("/v1/releases/latest").json()
        assert latest["version"] == history.versions[2] and latest["number"] == 3

    def test_an_unknown_release_is_a_404_and_a_malformed_one_a_422(self, history: History):
        assert_problem(history.client.get("/v1/releases/0123abc"), 404)
        assert_problem(history.client.get("/v1/releases/no%20such"), 422, "path.version")


class TestChangeFeed:
    def test_since_a_release_lists_every_later_change_in_release_order(self, history: History):
        feed = walk(history.client, f"/v1/changes?since={history.versions[0]}")
        later = changes(history.client, history.versions[1]) + changes(
            history.client, history.versions[2]
        )
        assert feed == later

    def test_without_since_the_feed_starts_at_the_first_release(self, history: History):
        feed = walk(history.client, "/v1/changes?limit=200")
        assert [c["release"] for c in feed][0] == history.versions[0]
        assert len(feed) == sum(len(changes(history.client, v)) for v in history.versions)

    def test_since_the_current_release_nothing_has_changed(self, history: History):
        page = history.client.get(f"/v1/changes?since={history.versions[2]}").json()
        assert page["data"] == []
        assert page["meta"]["data_version"] == history.versions[2]

    def test_pages_of_any_size_walk_the_same_feed(self, history: History):
        whole = walk(history.client, f"/v1/changes?since={history.versions[0]}&limit=200")
        assert walk(history.client, f"/v1/changes?since={history.versions[0]}&limit=3") == whole

    def test_the_exports_hold_the_same_changes(self, history: History):
        since = history.versions[0]
        whole = walk(history.client, f"/v1/changes?since={since}&limit=200")
        ndjson = history.client.get(f"/v1/changes.ndjson?since={since}")
        assert ndjson.headers["content-type"] == "application/x-ndjson"
        assert [json.loads(line) for line in ndjson.text.splitlines()] == whole
        csv = history.client.get(f"/v1/changes.csv?since={since}")
        assert csv.headers["content-type"].startswith("text/csv")
        rows = csv.text.splitlines()
        assert rows[0] == "release,type,slug,action,fields,formerly,url"
        assert len(rows) == len(whole) + 1
        paged = history.client.get(f"/v1/changes.ndjson?since={since}&limit=4")
        assert [json.loads(line) for line in paged.text.splitlines()] == whole[:4]
        assert 'rel="next"' in paged.headers["link"]

    @pytest.mark.parametrize("path", ["/v1/releases", "/v1/changes", "/v1/changes.csv"])
    @pytest.mark.parametrize("value", [2**31, 2**62, -1])
    def test_a_forged_cursor_is_a_422_on_both_back_ends(
        self, history: History, path: str, value: int
    ):
        signature = "-number" if path == "/v1/releases" else "feed"
        forged = encode_cursor(signature, [value])
        assert_problem(history.client.get(f"{path}?cursor={forged}"), 422, "query.cursor")

    def test_an_unknown_since_is_a_404_that_says_where_to_start(self, history: History):
        problem = assert_problem(
            history.client.get("/v1/changes?since=0123abc"), 404, "query.since"
        )
        assert history.versions[0] in problem["detail"]
        assert_problem(history.client.get("/v1/changes?since=a%20b"), 422, "query.since")


class TestOldAddresses:
    def test_a_renamed_record_redirects_with_the_query(self, history: History):
        old, new = history.renamed_event[0], history.renamed_again
        answer = history.client.get(f"/v1/events/{old}?fields=title", follow_redirects=False)
        assert answer.status_code == 301
        assert answer.headers["location"] == f"http://testserver/v1/events/{new}?fields=title"
        # Fresh as long as the data is, not for ever, as a 301 with no freshness would be.
        assert answer.headers["cache-control"].startswith("public, max-age=")
        assert history.client.get(answer.headers["location"]).json()["slug"] == new

    def test_renamed_and_merged_areas_redirect_to_their_record(self, history: History):
        new = history.renamed_area[1]
        for old in (history.renamed_area[0], history.merged_area):
            answer = history.client.get(f"/v1/areas/{old}", follow_redirects=False)
            assert answer.status_code == 301
            assert answer.headers["location"].endswith(f"/v1/areas/{new}")

    def test_lists_take_the_old_slug_as_the_new_one(self, history: History):
        new = history.renamed_area[1]
        expected = history.client.get(f"/v1/events?area={new}&limit=200").json()["data"]
        for old in (history.renamed_area[0], history.merged_area):
            assert history.client.get(f"/v1/events?area={old}&limit=200").json()["data"] == expected

    def test_a_deleted_record_is_gone_naming_the_release_that_removed_it(self, history: History):
        cases = [
            (f"/v1/quotes/{history.deleted_quote}", history.versions[1], "release 2"),
            (f"/v1/events/{history.added_event}", history.versions[2], "release 3"),
        ]
        for path, version, words in cases:
            answer = history.client.get(path)
            problem = assert_problem(answer, 410)
            assert answer.headers["cache-control"].startswith("public, max-age=")
            assert problem["type"] == "/problems/gone"
            assert problem["release"] == version
            assert words in problem["detail"] and "deleted" in problem["detail"]

    def test_a_slug_renamed_twice_still_leads_to_its_record(self, history: History):
        # Release 3 declares only the slug of release 2; the first one keeps leading.
        for old in history.renamed_event:
            answer = history.client.get(f"/v1/events/{old}", follow_redirects=False)
            assert answer.status_code == 301
            assert answer.headers["location"].endswith(f"/v1/events/{history.renamed_again}")

    def test_a_renamed_source_redirects_its_citations_and_its_exports(self, history: History):
        old, new = history.renamed_source
        for suffix in ("/citations?limit=2", "/citations.csv", "/citations.ndjson?limit=1"):
            answer = history.client.get(f"/v1/sources/{old}{suffix}", follow_redirects=False)
            assert answer.status_code == 301, suffix
            assert answer.headers["location"] == f"http://testserver/v1/sources/{new}{suffix}"
        cited = history.client.get(f"/v1/events?source={new}&limit=200").json()["data"]
        assert cited
        assert history.client.get(f"/v1/events?source={old}&limit=200").json()["data"] == cited

    def test_a_slug_no_record_ever_had_is_still_a_404(self, history: History):
        assert_problem(history.client.get("/v1/events/never-was-an-event"), 404)


def unzip(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


class TestPackage:
    def test_the_current_package_holds_every_resource_citations_and_sources(self, history: History):
        answer = history.client.get(f"/v1/releases/{history.versions[2]}/package")
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/zip"
        assert answer.headers["content-disposition"].startswith("attachment;")
        files = unzip(answer.content)
        for plural in PLURAL.values():
            listed = walk(history.client, f"/v1/{plural}?limit=200")
            documents = [json.loads(line) for line in files[f"data/{plural}.ndjson"].splitlines()]
            assert sorted(documents, key=lambda d: d["slug"]) == sorted(
                listed, key=lambda d: d["slug"]
            )
            assert files[f"data/{plural}.csv"].decode().count("\n") >= len(listed) + 1
        curated = {s["file"]: s["sha256"] for s in read(history.data, "sources")}
        for name, digest in curated.items():
            assert hashlib.sha256(files[f"sources/{name}"]).hexdigest() == digest
        manifest = json.loads(files["datapackage.json"])
        assert manifest["version"] == history.versions[2]
        assert manifest["licenses"][0]["name"] == "CC-BY-4.0"
        for resource in manifest["resources"]:
            data = files[resource["path"]]
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            assert resource["bytes"] == len(data)
        assert {r["path"] for r in manifest["resources"]} | {"datapackage.json"} == set(files)

    def test_the_package_validates_with_frictionless(self, history: History, tmp_path: Path):
        body = history.client.get("/v1/releases/latest/package").content
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            archive.extractall(tmp_path)
        report = validate(tmp_path / "datapackage.json")
        assert report.valid, report.flatten(["resourcePath", "rowNumber", "type", "message"])
        assert len(report.tasks) == len(
            json.loads((tmp_path / "datapackage.json").read_text())["resources"]
        )

    def test_frictionless_finds_a_changed_byte(self, history: History, tmp_path: Path):
        # The check above can fail: a file that differs from its recorded hash is caught.
        body = history.client.get("/v1/releases/latest/package").content
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            archive.extractall(tmp_path)
        source = next((tmp_path / "sources").iterdir())
        source.write_bytes(source.read_bytes().replace(b"NATO", b"NATo", 1))
        report = validate(tmp_path / "datapackage.json")
        assert not report.valid
        assert "hash-count" in {e[1] for e in report.flatten(["resourcePath", "type"])}

    def test_the_same_release_gives_the_same_bytes(self, history: History):
        first = history.client.get("/v1/releases/latest/package").content
        assert history.client.get(f"/v1/releases/{history.versions[2]}/package").content == first

    def test_an_earlier_release_package_is_gone_pointing_at_the_current(self, history: History):
        problem = assert_problem(
            history.client.get(f"/v1/releases/{history.versions[0]}/package"), 410
        )
        assert problem["release"] == history.versions[2]
        assert f"/v1/changes?since={history.versions[0]}" in problem["detail"]
        assert_problem(history.client.get("/v1/releases/0123abc/package"), 404)


class TestMirror:
    def test_a_mirror_from_the_first_package_kept_by_the_feed_matches_the_live_api(
        self, history: History
    ):
        files = unzip(history.first_package)
        manifest = json.loads(files["datapackage.json"])
        assert manifest["version"] == history.versions[0]
        mirror: dict[str, dict[str, Any]] = {}
        for kind, plural in PLURAL.items():
            lines = files[f"data/{plural}.ndjson"].decode().splitlines()
            mirror[kind] = {d["slug"]: d for d in map(json.loads, lines)}
        # A source's detail adds its text, which the package holds as a file.
        for source in mirror["source"].values():
            source["text"] = files[f"sources/{source['file_name']}"].decode()

        feed = walk(history.client, f"/v1/changes?since={manifest['version']}&limit=7")
        for change in feed:
            records = mirror[change["type"]]
            if change["action"] == "deleted":
                records.pop(change["slug"], None)
                continue
            if change["action"] == "renamed":
                records.pop(change["formerly"], None)
            answer = history.client.get(change["url"], follow_redirects=False)
            if answer.status_code == 200:
                records[change["slug"]] = answer.json()
            else:  # changed again later: a later entry says how
                assert answer.status_code in (301, 410), answer.text
                records.pop(change["slug"], None)

        for kind, plural in PLURAL.items():
            live = {
                r["slug"]: history.client.get(f"/v1/{plural}/{r['slug']}").json()
                for r in walk(history.client, f"/v1/{plural}?limit=200")
            }
            assert mirror[kind] == live, kind


class TestGeneratedClient:
    """The shipped client (clients/python/) reads these answers as the document declares."""

    @pytest.fixture
    def generated(self, history: History) -> Iterator[Any]:
        sys.path.insert(0, str(SEEDS_DIR.parent / "clients" / "python"))
        from nato_japan_client import Client

        client = Client(base_url="http://testserver")
        client.set_httpx_client(history.client)
        history.client.follow_redirects = False  # as the generated client's own httpx
        try:
            yield client
        finally:
            history.client.follow_redirects = True

    def test_a_renamed_record_is_a_301_with_its_location(self, history: History, generated: Any):
        from nato_japan_client.api.events import get_event

        old, new = history.renamed_event[0], history.renamed_again
        answer = get_event.sync_detailed(old, client=generated)
        assert answer.status_code == 301 and answer.parsed is None
        assert answer.headers["location"].endswith(f"/v1/events/{new}")

    def test_a_deleted_record_is_a_typed_410_naming_its_release(
        self, history: History, generated: Any
    ):
        from nato_japan_client.api.quotes import get_quote
        from nato_japan_client.models import Problem

        problem = get_quote.sync(history.deleted_quote, client=generated)
        assert isinstance(problem, Problem) and problem.status == 410
        assert problem.release == history.versions[1]

    def test_releases_changes_and_the_package_parse(self, history: History, generated: Any):
        from nato_japan_client.api.releases import get_release_package, list_changes, list_releases
        from nato_japan_client.models import Action, EnvelopeChangePublic, EnvelopeReleasePublic

        releases = list_releases.sync(client=generated)
        assert isinstance(releases, EnvelopeReleasePublic)
        assert [r.number for r in releases.data] == [3, 2, 1]
        feed = list_changes.sync(client=generated, since=history.versions[1], limit=200)
        assert isinstance(feed, EnvelopeChangePublic)
        assert {c.action for c in feed.data} == set(Action) - {Action.CREATED}
        package = get_release_package.sync("latest", client=generated)
        assert package is not None and not hasattr(package, "status")
        assert "datapackage.json" in unzip(package.payload.read())


def test_a_release_made_while_the_feed_is_read_is_left_for_the_next_poll(
    migrated_engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A seed commits between the read of the releases and the read of the changes: the
    page must not name a release whose changes it does not hold, or a client polling
    from it would never see them."""
    data = tmp_path / "data"
    shutil.copytree(SEEDS_DIR / "data", data)
    seed(migrated_engine, data_dir=data)
    settings = Settings(database_url=str(migrated_engine.url.render_as_string(False)),
                        response_cache_mb=0, data_version_ttl=0)  # fmt: skip
    reads = service._changes

    def with_a_seed_first(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(service, "_changes", reads)
        events = read(data, "events")
        events[5]["summary"] += " (Edited while the feed was read.)"
        write(data, "events", events)
        seed(migrated_engine, data_dir=data)
        return reads(*args, **kwargs)

    with TestClient(create_app(settings)) as client:
        first = client.get("/v1/releases/latest").json()["version"]
        monkeypatch.setattr(service, "_changes", with_a_seed_first)
        page = client.get(f"/v1/changes?since={first}").json()
        assert page["data"] == [] and page["meta"]["data_version"] == first
        later = client.get(f"/v1/changes?since={first}").json()
        assert later["data"] and later["meta"]["data_version"] != first
