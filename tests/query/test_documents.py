"""Stored documents: each record's JSON and CSV line as the loader rendered them, served
as they are; `fields=` and `include=` reshaping them; and the CSV flattening rules."""

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import select
from sqlmodel import Session

from app.core.models import Resource
from app.events.models import Event
from app.events.service import RESOURCE as EVENTS
from app.query.csv_rows import csv_columns, csv_header, csv_lines, csv_record
from app.query.documents import AsBytes, CsvLine, Hydrate, by_slug, one, shape
from app.query.shapes import Shape
from app.quotes.service import RESOURCE as QUOTES
from app.rendering import RENDERED
from tests.support import FILES, curated, url, walk
from tests.support import by_slug as curated_by_slug

RESOURCE_IDS = [resource.plural for resource, _ in RENDERED]


def stored(session: Session, resource: Resource) -> dict[str, str]:
    """Each record's stored document, by slug."""
    table = resource.table
    return dict(session.execute(select(table.slug, table.document)).all())


def stored_lines(session: Session, resource: Resource) -> dict[str, str]:
    """Each record's stored CSV line, by slug."""
    table = resource.table
    query = select(table.slug, CsvLine.line).join(
        CsvLine, (CsvLine.kind == resource.kind) & (CsvLine.record_id == table.id)
    )
    return dict(session.execute(query).all())


@pytest.mark.parametrize(("resource", "hydrate"), RENDERED, ids=RESOURCE_IDS)
class TestStoredDocuments:
    def test_each_stored_document_is_the_record_hydrated_afresh(
        self, session: Session, resource: Resource, hydrate: Hydrate
    ):
        table = resource.table
        rows = list(session.execute(select(table).order_by(table.id)).scalars())
        assert len(rows) == len(curated(resource.plural))
        fresh = [record.model_dump_json() for record in hydrate(session, rows)]
        assert [row.document for row in rows] == fresh

    def test_each_stored_line_is_the_stored_json_flattened(
        self, session: Session, resource: Resource, hydrate: Hydrate
    ):
        columns = csv_columns(resource.public_model, None)
        documents, lines = stored(session, resource), stored_lines(session, resource)
        assert set(lines) == set(documents)
        for slug, document in documents.items():
            assert lines[slug] == csv_record(columns, json.loads(document)), slug


class TestServedAsStored:
    @pytest.mark.parametrize("resource", FILES)
    def test_a_list_serves_the_stored_documents(
        self, client: TestClient, session: Session, resource: str
    ):
        documents = stored(session, next(r for r, _ in RENDERED if r.plural == resource))
        for record in walk(client, f"/v1/{resource}?limit=200"):
            assert record == json.loads(documents[record["slug"]])

    @pytest.mark.parametrize("resource", [r for r in FILES if r != "sources"])
    def test_a_detail_is_the_stored_document_byte_for_byte(
        self, client: TestClient, session: Session, resource: str
    ):
        documents = stored(session, next(r for r, _ in RENDERED if r.plural == resource))
        slug = curated(resource)[0]["slug"]
        response = client.get(f"/v1/{resource}/{slug}")
        assert response.headers["content-type"] == "application/json"
        assert response.text == documents[slug]

    def test_a_source_detail_is_its_stored_document_with_its_text(
        self, client: TestClient, session: Session, source_texts: dict[str, str]
    ):
        documents = stored(session, next(r for r, _ in RENDERED if r.plural == "sources"))
        for slug, text in source_texts.items():
            body = client.get(f"/v1/sources/{slug}").json()
            assert body == {**json.loads(documents[slug]), "text": text}


class TestReadingStoredDocuments:
    def test_as_bytes_reads_the_stored_text_as_the_driver_hands_it_over(
        self, session: Session, backend: str
    ):
        rows = session.execute(select(AsBytes(Event.document), Event.document)).all()
        assert rows
        for raw, text in rows:
            # SQLite hands over the UTF-8 bytes; PostgreSQL text, encoded where it is joined.
            assert isinstance(raw, bytes if backend == "sqlite" else str)
            assert (raw.decode() if isinstance(raw, bytes) else raw) == text

    def test_by_slug_gives_the_named_documents_and_skips_unknown_slugs(self, session: Session):
        documents = stored(session, EVENTS)
        a, b = sorted(documents)[:2]
        assert by_slug(session, Event, [a, b, "no-such-event"]) == {
            a: documents[a],
            b: documents[b],
        }
        assert by_slug(session, Event, []) == {}

    def test_one_gives_the_stored_document_or_none(self, session: Session):
        slug = curated("events")[0]["slug"]
        assert one(session, EVENTS, slug, Shape(None, [])) == stored(session, EVENTS)[slug]
        assert one(session, EVENTS, "no-such-event", Shape(None, [])) is None
        assert one(session, EVENTS, "no-such-event", Shape(["title"], [])) is None

    def test_one_reshapes_as_asked(self, session: Session):
        slug = "ipcp-signing-2014"
        assert one(session, EVENTS, slug, Shape(["title"], [])) == {
            "slug": slug,
            "title": curated_by_slug("events")[slug]["title"],
        }
        embedded = one(session, EVENTS, slug, Shape(["areas"], ["areas"]))
        assert isinstance(embedded, dict) and set(embedded) == {"slug", "areas"}
        assert all("counts" in area for area in embedded["areas"])


# --- Reshaping: fields= and include= ---------------------------------------------------

FIELDS = {
    "events": ["title", "date"],
    "programmes": ["name", "in_force"],
    "areas": ["counts"],
    "quotes": ["text", "speaker"],
    "people": ["name"],
    "organisations": ["acronym", "kind"],
    "sources": ["title", "citation_count"],
}


@pytest.mark.parametrize("resource", FILES)
class TestFields:
    def test_fields_keeps_only_the_slug_and_the_requested_fields(
        self, client: TestClient, resource: str
    ):
        wanted = FIELDS[resource]
        full = {r["slug"]: r for r in walk(client, f"/v1/{resource}?limit=200")}
        sparse = walk(client, url(f"/v1/{resource}", fields=",".join(wanted), limit=200))
        assert len(sparse) == len(full)
        for record in sparse:
            assert set(record) == {"slug", *wanted}
            assert record == {k: full[record["slug"]][k] for k in record}

    def test_fields_applies_to_the_detail_route(self, client: TestClient, resource: str):
        slug = curated(resource)[0]["slug"]
        wanted = FIELDS[resource][:1]
        body = client.get(url(f"/v1/{resource}/{slug}", fields=",".join(wanted))).json()
        assert set(body) == {"slug", *wanted}


class TestIncludeOnEvents:
    def test_areas_quotes_and_citations_are_embedded_in_full(
        self, client: TestClient, source_texts: dict[str, str]
    ):
        embedded = walk(client, "/v1/events?include=areas,quotes,citations&limit=200")
        plain = {e["slug"]: e for e in walk(client, "/v1/events?limit=200")}
        titles = {s["slug"]: s["title"] for s in curated("sources")}
        quotes = curated_by_slug("quotes")
        seen_quotes = 0
        for event in embedded:
            before = plain[event["slug"]]
            assert [a["slug"] for a in event["areas"]] == [a["slug"] for a in before["areas"]]
            for area in event["areas"]:
                assert area["aliases"] == curated_by_slug("areas")[area["slug"]]["aliases"]
                assert set(area["counts"]) == {"events", "programmes", "quotes"}
                assert area["counts"]["events"] >= 1
            assert [q["slug"] for q in event["quotes"]] == [q["slug"] for q in before["quotes"]]
            for quote in event["quotes"]:
                assert quote["text"] == quotes[quote["slug"]]["text"]
                assert quote["event"]["slug"] == event["slug"]
                seen_quotes += 1
            assert len(event["citations"]) == len(before["citations"])
            for citation in event["citations"]:
                text = source_texts[citation["source"]]
                start, end = citation["start"], citation["end"]
                assert citation["source_title"] == titles[citation["source"]]
                assert text[start:end] == citation["evidence"]
                assert text[:start].endswith(citation["context_before"])
                assert text[end:].startswith(citation["context_after"])
                assert 0 < len(citation["context_before"]) <= 80 or start == 0
                assert 0 < len(citation["context_after"]) <= 80 or end == len(text)
        assert seen_quotes == sum(1 for q in curated("quotes") if q["event"])

    def test_an_embedded_record_is_the_stored_document_of_the_record(
        self, client: TestClient, session: Session
    ):
        areas = stored(session, next(r for r, _ in RENDERED if r.plural == "areas"))
        for event in walk(client, "/v1/events?include=areas&fields=areas&limit=200"):
            for area in event["areas"]:
                assert area == json.loads(areas[area["slug"]])

    def test_without_include_related_records_are_references(self, client: TestClient):
        for event in walk(client, "/v1/events?limit=200"):
            for ref in event["areas"] + event["quotes"]:
                assert set(ref) == {"slug", "name"}
            for citation in event["citations"]:
                assert set(citation) == {"source", "evidence", "start", "end"}

    def test_include_applies_to_the_detail_route(self, client: TestClient):
        body = client.get("/v1/events/ipcp-signing-2014?include=areas,people,citations").json()
        assert {a["slug"] for a in body["areas"]} == set(
            curated_by_slug("events")["ipcp-signing-2014"]["areas"]
        )
        assert all("counts" in a and "aliases" in a for a in body["areas"])
        assert all("roles" in p for p in body["people"])
        assert all("source_title" in c for c in body["citations"])

    def test_include_and_fields_combine(self, client: TestClient):
        body = client.get("/v1/events/ipcp-signing-2014?include=areas&fields=areas").json()
        assert set(body) == {"slug", "areas"}
        assert all("description" in a for a in body["areas"])


class TestIncludeOnOtherResources:
    def test_programmes_embed_predecessor_successors_and_events(self, client: TestClient):
        slug = "individual-partnership-and-cooperation-programme-2020"
        body = client.get(f"/v1/programmes/{slug}?include=predecessor,successors,events").json()
        assert (
            body["predecessor"]["slug"] == "individual-partnership-and-cooperation-programme-2014"
        )
        assert "in_force" in body["predecessor"]
        assert all("in_force" in s for s in body["successors"]) and body["successors"]
        assert all("summary" in e for e in body["events"]) and body["events"]

    def test_quotes_embed_speaker_and_event(self, client: TestClient):
        for quote in walk(client, "/v1/quotes?include=speaker,event&limit=200"):
            if quote["speaker"]:
                assert "roles" in quote["speaker"]
            if quote["event"]:
                assert "summary" in quote["event"]

    def test_areas_embed_parent_and_children(self, client: TestClient):
        body = client.get("/v1/areas/cyber-defence?include=parent").json()
        assert body["parent"]["slug"] == "emerging-security-challenges"
        assert {c["slug"] for c in body["parent"]["children"]} >= {"cyber-defence"}


class TestShape:
    """`shape` on documents given to it: embeds replace references they can resolve."""

    def test_an_unknown_reference_is_kept_as_it_was(self, session: Session):
        event = json.loads(stored(session, EVENTS)["ipcp-signing-2014"])
        ghost = {"slug": "no-such-area", "name": "Nowhere"}
        event["areas"] = [*event["areas"], ghost]
        [shaped] = shape(session, EVENTS, [json.dumps(event)], Shape(None, ["areas"]))
        assert shaped["areas"][-1] == ghost
        assert all("counts" in area for area in shaped["areas"][:-1])

    def test_a_single_reference_is_replaced_and_a_missing_one_left_alone(self, session: Session):
        documents = stored(session, QUOTES)
        with_speaker = next(d for d in documents.values() if json.loads(d)["speaker"])
        ghost = {**json.loads(with_speaker), "speaker": {"slug": "nobody", "name": "Nobody"}}
        nobody = {**json.loads(with_speaker), "speaker": None}
        records = shape(
            session,
            QUOTES,
            [with_speaker, json.dumps(ghost), json.dumps(nobody)],
            Shape(None, ["speaker"]),
        )
        assert "roles" in records[0]["speaker"]
        assert records[1]["speaker"] == {"slug": "nobody", "name": "Nobody"}
        assert records[2]["speaker"] is None

    def test_documents_as_text_or_bytes_shape_alike(self, session: Session):
        document = stored(session, EVENTS)["ipcp-signing-2014"]
        chosen = Shape(["title", "areas"], ["areas"])
        as_text = shape(session, EVENTS, [document], chosen)
        assert shape(session, EVENTS, [document.encode()], chosen) == as_text
        assert set(as_text[0]) == {"slug", "title", "areas"}

    def test_nothing_asked_gives_the_documents_parsed(self, session: Session):
        documents = list(stored(session, EVENTS).values())[:3]
        parsed = [json.loads(d) for d in documents]
        assert shape(session, EVENTS, documents, Shape(None, [])) == parsed


# --- CSV flattening --------------------------------------------------------------------


class Span(BaseModel):
    start: str | None
    end: str | None


class Link(BaseModel):
    slug: str
    name: str


class Row(BaseModel):
    slug: str
    title: str
    when: Span | None
    lead: Link | None
    tags: list[str]
    links: list[Link]
    scores: list[int]
    extra: dict[str, Any] | None
    active: bool
    count: int


COLUMNS = ["slug", "title", "when_start", "when_end", "lead", "tags", "links", "scores"]
COLUMNS += ["extra", "active", "count"]
ROW = {
    "slug": "a",
    "title": 'Tōkyō, "quoted"\nline two',
    "when": {"start": "2013-04", "end": None},
    "lead": {"slug": "nato", "name": "NATO"},
    "tags": ["x", "y"],
    "links": [{"slug": "p", "name": "P"}, {"slug": "q", "name": "Q"}],
    "scores": [1, 2],
    "extra": {"é": 1},
    "active": True,
    "count": 3,
}


def parsed(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


class TestCsvFlattening:
    def test_a_nested_object_becomes_prefixed_columns_and_a_reference_one(self):
        assert [c.name for c in csv_columns(Row, None)] == COLUMNS

    def test_chosen_fields_keep_the_slug_and_the_models_order(self):
        assert [c.name for c in csv_columns(Row, ["count", "when"])] == [
            "slug",
            "when_start",
            "when_end",
            "count",
        ]

    def test_each_kind_of_value_has_its_cell(self):
        [row] = parsed(csv_record(csv_columns(Row, None), ROW))
        assert dict(zip(COLUMNS, row, strict=True)) == {
            "slug": "a",
            "title": 'Tōkyō, "quoted"\nline two',
            "when_start": "2013-04",
            "when_end": "",
            "lead": "nato",
            "tags": "x|y",
            "links": "p|q",
            "scores": "[1, 2]",
            "extra": '{"é": 1}',
            "active": "true",
            "count": "3",
        }

    def test_absent_values_are_empty_cells(self):
        empty = {**ROW, "when": None, "lead": None, "tags": [], "links": [], "extra": None}
        empty["active"] = False
        [row] = parsed(csv_record(csv_columns(Row, None), empty))
        cells = dict(zip(COLUMNS, row, strict=True))
        assert [cells[c] for c in ("when_start", "when_end", "lead", "tags", "links")] == [""] * 5
        assert (cells["extra"], cells["active"]) == ("", "false")

    def test_a_record_is_one_rfc_4180_line_ending_in_crlf(self):
        line = csv_record(csv_columns(Row, ["title"]), ROW)
        assert line == 'a,"Tōkyō, ""quoted""\nline two"\r\n'

    def test_a_header_then_a_chunk_per_batch(self):
        columns = csv_columns(Row, ["title", "active"])
        chunks = list(csv_lines(columns, [[ROW, ROW], [], [ROW]]))
        assert chunks[0] == csv_header(columns) == "slug,title,active\r\n"
        assert len(chunks) == 4 and chunks[2] == ""
        line = csv_record(columns, ROW)
        assert chunks[1] == line * 2 and chunks[3] == line
        assert parsed("".join(chunks))[1:] == [["a", ROW["title"], "true"]] * 3

    def test_the_served_columns_follow_these_rules(self, client: TestClient):
        records = {e["slug"]: e for e in walk(client, "/v1/events?limit=200")}
        header, *rows = parsed(client.get("/v1/events.csv").text)
        assert {"date_earliest", "date_latest", "place_name", "place_country"} <= set(header)
        assert header[0] == "slug" and len(header) == len(set(header))
        for row in rows:
            cells = dict(zip(header, row, strict=True))
            event = records[cells["slug"]]
            assert cells["date_earliest"] == (event["date"]["earliest"] if event["date"] else "")
            assert cells["place_name"] == (event["place"]["name"] or "")
            assert cells["areas"] == "|".join(a["slug"] for a in event["areas"])
            assert json.loads(cells["citations"]) == event["citations"]
