"""Exports: a list as CSV, NDJSON or iCalendar, every match streamed from one query or a
page of it; and `in_threads`, which streams a blocking iterator off the event loop."""

import asyncio
import csv
import io
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, true
from sqlmodel import Session

from app.citations.models import Citation
from app.core.orders import Order, SortKey, encode_cursor
from app.events import router as events
from app.events.models import Event
from app.events.service import RESOURCE as EVENTS
from app.http.exports import in_threads
from app.query.csv_rows import csv_columns, csv_lines
from app.query.documents import StoredExport, read_all
from app.rendering import RENDERED
from app.sources.service import CITATIONS
from tests.support import FILES, statements, url, walk

MODELS = {resource.plural: resource.public_model for resource, _ in RENDERED}
MODELS["citations"] = CITATIONS.public_model
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
    "ics": "text/calendar; charset=utf-8",
}
FILTERED = {
    "events": {"area": "cyber-defence", "from": "2013"},
    "programmes": {"kind": "partnership_programme"},
    "areas": {"parent": "emerging-security-challenges"},
    "quotes": {"mode": "reported"},
    "people": {"q": "Japan"},
    "organisations": {"kind": "state"},
    "sources": {"q": "cyber"},
}
Served = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def served(client: TestClient) -> Served:
    """`walk`, each address walked once per back-end: the data is only read."""
    return cache(lambda start: walk(client, start))


def request_for(query_string: str) -> Request:
    return Request({"type": "http", "query_string": query_string.encode(), "headers": []})


def parse_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    header, *body = csv.reader(io.StringIO(text, newline=""))
    assert all(len(row) == len(header) for row in body)
    return header, [dict(zip(header, row, strict=True)) for row in body]


def parse_ndjson(text: str) -> list[dict[str, Any]]:
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def flattened(resource: str, records: list[dict[str, Any]], fields: list[str] | None = None):
    """The CSV these JSON records make, by the flattening rules (`csv_lines`)."""
    return "".join(csv_lines(csv_columns(MODELS[resource], fields), [records]))


def calendar_uids(text: str) -> list[str]:
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    return re.findall(r"^UID:(.+)@nato-japan-api\r$", text, flags=re.MULTILINE)


def dated(records: list[dict[str, Any]]) -> list[str]:
    return [r["slug"] for r in records if r["date"]]


# --- Every match -------------------------------------------------------------------------


@pytest.mark.parametrize("resource", FILES)
@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
class TestFullExports:
    def test_csv_is_every_matching_record_flattened_in_list_order(
        self, client: TestClient, served: Served, resource: str, filtered: bool
    ):
        params = FILTERED[resource] if filtered else {}
        records = served(url(f"/v1/{resource}", limit=200, **params))
        assert records
        response = client.get(url(f"/v1/{resource}.csv", **params))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == MEDIA["csv"]
        disposition = f'inline; filename="{resource}.csv"'
        assert response.headers["content-disposition"] == disposition
        assert "link" not in response.headers
        assert response.text == flattened(resource, records)

    def test_ndjson_is_every_matching_record_as_json_serves_it(
        self, client: TestClient, served: Served, resource: str, filtered: bool
    ):
        params = FILTERED[resource] if filtered else {}
        records = served(url(f"/v1/{resource}", limit=200, **params))
        response = client.get(url(f"/v1/{resource}.ndjson", **params))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == MEDIA["ndjson"]
        disposition = f'inline; filename="{resource}.ndjson"'
        assert response.headers["content-disposition"] == disposition
        assert parse_ndjson(response.text) == records


class TestCalendarExport:
    @pytest.mark.parametrize("params", [{}, FILTERED["events"]], ids=["all", "filtered"])
    def test_every_dated_matching_event_is_one_vevent_in_list_order(
        self, client: TestClient, served: Served, params: dict[str, Any]
    ):
        records = served(url("/v1/events", limit=200, **params))
        response = client.get(url("/v1/events.ics", **params))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == MEDIA["ics"]
        assert response.headers["content-disposition"] == 'inline; filename="events.ics"'
        assert calendar_uids(response.text) == dated(records)
        if not params:  # undated events have no place on it
            assert len(dated(records)) < len(records)

    def test_a_page_of_the_calendar_holds_that_pages_dated_events(self, client: TestClient):
        page = client.get("/v1/events?limit=40").json()
        response = client.get("/v1/events.ics?limit=40")
        assert response.status_code == 200, response.text
        assert calendar_uids(response.text) == dated(page["data"])
        cursor = page["meta"]["next_cursor"]
        assert response.headers["link"] == (
            f'<http://testserver/v1/events.ics?limit=40&cursor={cursor}>; rel="next"'
        )


# --- A page --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
class TestPagedExports:
    def test_a_limit_gives_the_json_page_with_a_link_to_the_next(
        self, client: TestClient, fmt: str
    ):
        page = client.get("/v1/events?limit=5&sort=title").json()
        response = client.get(f"/v1/events.{fmt}?limit=5&sort=title")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == MEDIA[fmt]
        if fmt == "csv":
            assert response.text == flattened("events", page["data"])
        else:
            assert parse_ndjson(response.text) == page["data"]
        cursor = page["meta"]["next_cursor"]
        address = f"http://testserver/v1/events.{fmt}?limit=5&sort=title&cursor={cursor}"
        assert response.headers["link"] == f'<{address}>; rel="next"'

    def test_following_the_links_exports_every_record_once(
        self, client: TestClient, served: Served, fmt: str
    ):
        records: list[Any] = []
        address: str | None = f"/v1/programmes.{fmt}?limit=4"
        while address:
            response = client.get(address)
            assert response.status_code == 200, response.text
            if fmt == "csv":
                records += [row["slug"] for row in parse_csv(response.text)[1]]
            else:
                records += [r["slug"] for r in parse_ndjson(response.text)]
            found = re.fullmatch(r'<(.+)>; rel="next"', response.headers.get("link", ""))
            address = found.group(1) if found else None
        assert records == [r["slug"] for r in served("/v1/programmes?limit=200")]


# --- Shaped exports ------------------------------------------------------------------


class TestShapedExports:
    def test_fields_choose_the_csv_columns(self, client: TestClient, served: Served):
        records = served(url("/v1/events", limit=200, fields="title,kind,date"))
        text = client.get("/v1/events.csv?fields=title,kind,date").text
        header, rows = parse_csv(text)
        assert header[:3] == ["slug", "title", "kind"] and header[3].startswith("date_")
        assert text == flattened("events", records, ["title", "kind", "date"])

    def test_fields_and_include_shape_ndjson_as_they_shape_json(
        self, client: TestClient, served: Served
    ):
        params = {"fields": "areas,citations", "include": "areas,citations", "kind": "summit"}
        records = served(url("/v1/events", limit=200, **params))
        assert records and all("source_title" in c for r in records for c in r["citations"])
        assert parse_ndjson(client.get(url("/v1/events.ndjson", **params)).text) == (records)

    def test_include_embeds_in_csv_without_changing_its_cells(
        self, client: TestClient, served: Served
    ):
        plain = client.get("/v1/quotes.csv?fields=speaker,event,areas").text
        embedded = client.get(
            "/v1/quotes.csv?fields=speaker,event,areas&include=speaker,event,areas"
        ).text
        assert embedded == plain  # an embedded record still flattens to its slug

    def test_a_cursor_without_a_limit_exports_everything_after_it(
        self, client: TestClient, served: Served
    ):
        first = client.get("/v1/events?limit=10&sort=-date").json()
        cursor = first["meta"]["next_cursor"]
        rest = client.get(url("/v1/events.ndjson", sort="-date", cursor=cursor))
        everything = served("/v1/events?limit=200&sort=-date")
        assert parse_ndjson(rest.text) == everything[10:]

    def test_a_sources_citations_export_every_match_not_one_page(
        self, client: TestClient, served: Served
    ):
        source = "nato-topic-relations-with-japan"
        citations = served(f"/v1/sources/{source}/citations?limit=200")
        assert len(citations) > 50
        response = client.get(f"/v1/sources/{source}/citations.ndjson")
        assert response.headers["content-disposition"] == 'inline; filename="citations.ndjson"'
        assert parse_ndjson(response.text) == citations
        text = client.get(f"/v1/sources/{source}/citations.csv").text
        assert text == flattened("citations", citations)
        sparse = served(f"/v1/sources/{source}/citations?limit=200&fields=start,end")
        assert [set(c) for c in sparse] == [{"start", "end"}] * len(citations)
        response = client.get(f"/v1/sources/{source}/citations.ndjson?fields=start,end")
        assert parse_ndjson(response.text) == sparse


# --- One query -----------------------------------------------------------------------


def reads_of(table: str, sent: list[str]) -> list[str]:
    """The statements that read `table`'s rows in an order."""
    return [s for s in sent if re.search(rf"\bFROM {table}\b", s) and "ORDER BY" in s]


class TestOneQueryPerExport:
    @pytest.mark.parametrize(
        "query",
        [
            "csv",
            "ndjson",
            "ics",
            "csv?fields=title,date",
            "ndjson?include=areas,quotes,citations",
            "csv?kind=summit&kind=visit&sort=-date",
            "ndjson?area=cyber-defence&person=shinzo-abe&q=Japan",
        ],
    )
    def test_an_export_reads_its_records_in_one_statement(self, client: TestClient, query: str):
        engine = client.app.state.engine  # type: ignore[attr-defined]
        with statements(engine) as sent:
            response = client.get(f"/v1/events.{query}")
        assert response.status_code == 200, response.text
        assert len(reads_of("event", sent)) == 1, reads_of("event", sent)

    def test_read_all_reads_every_batch_from_one_statement(self, session: Session, engine: Engine):
        # Every event with every citation: thousands of rows, several batches.
        order = Order(
            keys=(SortKey(Event.slug), SortKey(Citation.id, descending=True)), signature=""
        )
        query = select(Event.slug, Citation.id).join(Citation, true())
        events_count = len(session.execute(select(Event.id)).all())
        total = events_count * len(session.execute(select(Citation.id)).all())
        with statements(engine) as sent:
            batches = [list(batch) for batch in read_all(session, query, order, start_after=None)]
        assert len(batches) > 2 and len(sent) == 1
        rows = [(row[0], row[1]) for batch in batches for row in batch]
        assert len(rows) == total
        assert rows == sorted(rows, key=lambda r: (r[0], -r[1]))

    def test_read_all_starts_after_the_values_given(self, session: Session):
        order = EVENTS.order("slug")
        everything = list(session.execute(select(Event.slug).order_by(Event.slug)).scalars())
        rows = read_all(session, select(Event.slug), order, start_after=[everything[9]])
        assert [row[0] for batch in rows for row in batch] == everything[10:]

    def test_a_stored_export_reads_documents_lines_and_records_from_a_cursor(
        self, session: Session, served: Served
    ):
        listed = served("/v1/events?limit=200&sort=slug")
        cursor = encode_cursor("slug", [listed[9]["slug"]])
        page = asyncio.run(events.LIST(request_for(f"sort=slug&cursor={cursor}&fields=title")))
        export = StoredExport(EVENTS, select(Event), page)
        documents = [json.loads(d) for batch in export.documents(session) for d in batch]
        assert documents == listed[10:]
        lines = b"".join(
            line if isinstance(line, bytes) else line.encode()
            for batch in export.lines(session)
            for line in batch
        )
        assert lines.decode() == flattened("events", listed[10:]).split("\r\n", 1)[1]
        records = [r for batch in export.records(session) for r in batch]
        assert records == [{"slug": e["slug"], "title": e["title"]} for e in listed[10:]]


# --- in_threads ----------------------------------------------------------------------


class Recorder:
    """Chunks 0..n-1, noting which have been read, by how many threads at once, and
    whether the iterator was closed."""

    def __init__(self, n: int, fail_at: int | None = None) -> None:
        self.n, self.fail_at, self.closed = n, fail_at, False
        self.read = [threading.Event() for _ in range(n)]
        self.busy = self.most_busy = 0
        self.lock = threading.Lock()

    def chunks(self) -> Iterator[int]:
        try:
            for i in range(self.n):
                with self.lock:
                    self.busy += 1
                    self.most_busy = max(self.most_busy, self.busy)
                if i == self.fail_at:
                    raise RuntimeError(f"chunk {i} failed")
                self.read[i].set()
                with self.lock:
                    self.busy -= 1
                yield i
        finally:
            self.closed = True


class TestInThreads:
    def test_every_chunk_arrives_in_order_and_reads_never_overlap(self):
        recorder = Recorder(50)

        async def consume() -> list[int]:
            return [chunk async for chunk in in_threads(recorder.chunks())]

        assert asyncio.run(consume()) == list(range(50))
        assert recorder.most_busy == 1 and recorder.closed

    def test_nothing_is_read_before_the_consumer_asks(self):
        recorder = Recorder(3)

        async def consume() -> None:
            stream = in_threads(recorder.chunks())
            assert await anext(stream) == 0
            await asyncio.sleep(0.05)
            assert not recorder.read[1].is_set()
            await stream.aclose()

        asyncio.run(consume())

    def test_slow_reads_and_a_slow_close_leave_the_event_loop_free(self):
        def slow() -> Iterator[int]:
            try:
                for i in range(2):
                    time.sleep(0.15)  # a read waiting on the database
                    yield i
            finally:
                time.sleep(0.15)  # releasing the session waits too

        async def consume() -> tuple[list[int], int]:
            ticks = 0
            stop = asyncio.Event()

            async def tick() -> None:
                nonlocal ticks
                while not stop.is_set():
                    ticks += 1
                    await asyncio.sleep(0.01)

            ticker = asyncio.ensure_future(tick())
            stream = in_threads(slow())
            chunks = [await anext(stream), await anext(stream)]
            await stream.aclose()  # the client went away before the end
            stop.set()
            await ticker
            return chunks, ticks

        chunks, ticks = asyncio.run(consume())
        # ~45 ticks in the 0.45 s of blocking work; a blocked loop would give about 1.
        assert chunks == [0, 1] and ticks >= 20

    def test_stopping_early_closes_the_iterator(self):
        recorder = Recorder(10)

        async def consume() -> None:
            stream = in_threads(recorder.chunks())
            assert await anext(stream) == 0
            await stream.aclose()

        asyncio.run(consume())
        assert recorder.closed

    def test_an_empty_iterator_gives_nothing(self):
        recorder = Recorder(0)

        async def consume() -> list[int]:
            return [chunk async for chunk in in_threads(recorder.chunks())]

        assert asyncio.run(consume()) == [] and recorder.closed

    def test_a_failed_read_reaches_the_consumer_after_the_chunks_before_it(self):
        recorder = Recorder(5, fail_at=2)
        received: list[int] = []

        async def consume() -> None:
            async for chunk in in_threads(recorder.chunks()):
                received.append(chunk)

        with pytest.raises(RuntimeError, match="chunk 2 failed"):
            asyncio.run(consume())
        assert received == [0, 1] and recorder.closed
