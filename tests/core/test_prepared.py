"""Unfiltered list pages come from a statement compiled once (`page_rows`): every page,
document and cursor is the one the general SQLAlchemy path gives; `json_array` joins
stored documents, text or bytes, into a JSON array."""

import json
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Select, Text, and_, cast, func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

import app.core.listing as listing
import app.core.prepared as prepared
from app.areas.service import SPEC as AREAS
from app.core.documents import CsvLine
from app.core.listing import ListSpec, fetch_page, json_array
from app.core.pagination import Page
from app.core.prepared import page_rows
from app.events.service import SPEC as EVENTS
from app.organisations.service import SPEC as ORGANISATIONS
from app.people.service import SPEC as PEOPLE
from app.programmes.service import SPEC as PROGRAMMES
from app.quotes.service import SPEC as QUOTES
from app.sources.service import SPEC as SOURCES
from tests.support import curated

SPECS = [EVENTS, PROGRAMMES, AREAS, QUOTES, PEOPLE, ORGANISATIONS, SOURCES]
SIZE = 7

Pages = list[tuple[list[dict[str, Any]], str | None]]


def orders(spec: ListSpec) -> list[str | None]:
    """The default order, every sort field each way, and one order of mixed directions."""
    found: list[str | None] = [None]
    for name in spec.sorts:
        found += [name, f"-{name}"]
    names = list(spec.sorts)
    if len(names) > 1:
        found.append(f"-{names[0]},{names[1]}")
    return found


CASES = [(spec, sort) for spec in SPECS for sort in orders(spec)]
CASE_IDS = [f"{spec.plural}:{sort or 'default'}" for spec, sort in CASES]


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statement names `fetch_page` asked `page_rows` for, in order."""
    calls: list[str] = []

    def spy(session: Session, name: str, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        calls.append(name)
        return page_rows(session, name, *args, **kwargs)

    monkeypatch.setattr(listing, "page_rows", spy)
    return calls


def every_page(session: Session, spec: ListSpec, query: Select[Any], sort: str | None) -> Pages:
    """Each page of `query` in the order `sort`: its documents (parsed) and next cursor."""
    keys, signature = spec.sort_keys(sort)
    pages: Pages = []
    cursor = None
    while True:
        page = Page(limit=SIZE, cursor=cursor)
        result = fetch_page(session, spec, query, keys=keys, page=page, signature=signature)
        pages.append(([json.loads(row) for row in result.rows], result.next_cursor))
        cursor = result.next_cursor
        if cursor is None:
            return pages
        assert len(pages) < 100, "the cursor does not advance"


def matching_everything(spec: ListSpec) -> Select[Any]:
    return spec.whole.where(spec.table.id.is_not(None))


def joined(spec: ListSpec) -> Select[Any]:
    """The whole table joined one-to-one to its CSV lines: the same rows, not `whole`."""
    table = spec.table
    return spec.whole.join(CsvLine, and_(CsvLine.kind == spec.kind, CsvLine.record_id == table.id))


class TestFetchPageOfTheWholeTable:
    @pytest.mark.parametrize(("spec", "sort"), CASES, ids=CASE_IDS)
    def test_every_page_equals_the_general_path(
        self, session: Session, compiled: list[str], spec: ListSpec, sort: str | None
    ):
        prepared = every_page(session, spec, spec.whole, sort)
        assert len(compiled) == len(prepared)  # each page came from `page_rows`
        compiled.clear()
        general = every_page(session, spec, matching_everything(spec), sort)
        assert compiled == []
        assert prepared == general
        served = [record["slug"] for records, _ in prepared for record in records]
        assert sorted(served) == sorted(r["slug"] for r in curated(spec.plural))

    @pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.plural)
    def test_pages_hold_the_page_size_and_only_the_last_has_no_cursor(
        self, session: Session, spec: ListSpec
    ):
        pages = every_page(session, spec, spec.whole, None)
        total = len(curated(spec.plural))
        assert [len(records) for records, _ in pages[:-1]] == [SIZE] * (len(pages) - 1)
        assert 1 <= len(pages[-1][0]) <= SIZE
        assert len(pages) == -(-total // SIZE)
        assert [cursor is None for _, cursor in pages] == [False] * (len(pages) - 1) + [True]

    @pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.plural)
    def test_a_join_takes_the_general_path_with_the_same_pages(
        self, session: Session, compiled: list[str], spec: ListSpec
    ):
        general = every_page(session, spec, joined(spec), None)
        assert compiled == []
        assert general == every_page(session, spec, spec.whole, None)

    @pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.plural)
    def test_only_the_specs_own_whole_statement_is_prepared(
        self, session: Session, compiled: list[str], spec: ListSpec
    ):
        keys, signature = spec.sort_keys(None)
        first = Page(limit=SIZE, cursor=None)
        candidates = {
            "whole": spec.whole,
            "a new select of the table": select(spec.table),
            "filtered": matching_everything(spec),
            "joined": joined(spec),
        }
        prepared = []
        for label, query in candidates.items():
            compiled.clear()
            fetch_page(session, spec, query, keys=keys, page=first, signature=signature)
            if compiled:
                prepared.append(label)
        assert prepared == ["whole"]
        assert spec.whole is spec.whole

    @pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.plural)
    def test_a_count_comes_with_the_prepared_page(self, session: Session, spec: ListSpec):
        keys, signature = spec.sort_keys(None)
        page = Page(limit=SIZE, cursor=None)
        result = fetch_page(
            session, spec, spec.whole, keys=keys, page=page, signature=signature, count=True
        )
        assert result.count == len(curated(spec.plural))


class TestPageRows:
    def test_it_reads_in_the_sessions_own_transaction(self, session: Session):
        spec = EVENTS
        keys, signature = spec.sort_keys(None)
        name = f"{spec.kind}:{signature}"

        def build() -> Select[Any]:
            return spec.whole.with_only_columns(spec.table.slug, spec.table.document).order_by(
                *[k.ordering() for k in keys]
            )

        before = page_rows(session, name + ":test", build, keys, None, 1)
        [(slug, _)] = before
        marker = json.dumps({"slug": slug, "changed": True})
        try:
            session.execute(
                update(spec.table).where(spec.table.slug == slug).values(document=marker)
            )
            [(same, document)] = page_rows(session, name + ":test", build, keys, None, 1)
            assert same == slug
            assert json.loads(document) == {"slug": slug, "changed": True}
        finally:
            session.rollback()
        [(_, restored)] = page_rows(session, name + ":test", build, keys, None, 1)
        assert json.loads(restored)["slug"] == slug and "changed" not in json.loads(restored)

    def test_it_gives_the_rows_after_a_cursors_values(self, session: Session):
        spec = PEOPLE
        keys, _ = spec.sort_keys("slug")

        def build() -> Select[Any]:
            return spec.whole.with_only_columns(spec.table.slug, spec.table.slug).order_by(
                *[k.ordering() for k in keys]
            )

        everyone = sorted(p["slug"] for p in curated("people"))
        first = page_rows(session, "person:test-slugs", build, keys, None, 3)
        assert [row[0] for row in first] == everyone[:3]
        rest = page_rows(session, "person:test-slugs", build, keys, [everyone[2]], 100)
        assert [row[0] for row in rest] == everyone[3:]
        counted = session.execute(select(func.count()).select_from(spec.table)).scalar_one()
        assert len(first) + len(rest) == counted


class TestDocumentsAsBytes:
    """The page's documents come as UTF-8 bytes on both back-ends; text after them (the
    sort keys a cursor carries) as str."""

    @staticmethod
    def build() -> Select[Any]:
        keys, _ = PEOPLE.sort_keys("slug")
        table = PEOPLE.table
        # The slug as TEXT, not the column's VARCHAR: the kept cursor reads TEXT as bytes.
        columns = (table.id, table.document, cast(table.slug, Text))
        return PEOPLE.whole.with_only_columns(*columns).order_by(*[k.ordering() for k in keys])

    def test_documents_are_bytes_and_keys_are_text(self, session: Session):
        keys, _ = PEOPLE.sort_keys("slug")
        rows = page_rows(session, "person:test-raw", self.build, keys, None, 3, raw=2)
        assert len(rows) == 3
        for _, document, slug in rows:
            assert isinstance(slug, str)
            if session.get_bind().dialect.name == "postgresql":
                assert isinstance(document, bytes)
            assert json.loads(document)["slug"] == slug

    def test_a_driver_error_is_raised_as_sqlalchemys(self, session: Session):
        # `read` tells a lock from a fault by SQLAlchemy's DBAPIError and its original.
        keys, _ = PEOPLE.sort_keys("slug")

        def broken() -> Select[Any]:
            return select(text("no_such_column")).select_from(PEOPLE.table)

        with pytest.raises(DBAPIError) as failure:
            page_rows(session, "person:test-broken", broken, keys, None, 3)
        assert not failure.value.connection_invalidated
        session.rollback()
        assert len(page_rows(session, "person:test-raw", self.build, keys, None, 2, raw=2)) == 2

    def test_a_lost_connection_is_invalidated(self, engine: Engine):
        keys, _ = PEOPLE.sort_keys("slug")
        with Session(engine) as session:
            page_rows(session, "person:test-raw", self.build, keys, None, 2, raw=2)
            session.connection().connection.dbapi_connection.close()
            with pytest.raises(DBAPIError) as failure:
                page_rows(session, "person:test-raw", self.build, keys, None, 2, raw=2)
            assert failure.value.connection_invalidated
            assert session.connection().invalidated

    def test_postgresql_keeps_one_cursor_per_connection(self, session: Session, backend: str):
        if backend != "postgresql":
            pytest.skip("SQLite opens a cursor per page: it costs nothing to make one")
        keys, _ = PEOPLE.sort_keys("slug")
        page_rows(session, "person:test-raw", self.build, keys, None, 2, raw=2)
        fairy = session.connection().connection
        kept = fairy.info["page_cursor"]
        second = page_rows(session, "person:test-raw", self.build, keys, None, 2, raw=2)
        assert fairy.info["page_cursor"] is kept and len(second) == 2
        kept.close()  # as if the connection under it had gone: a new one is made
        third = page_rows(session, "person:test-raw", self.build, keys, None, 2, raw=2)
        assert fairy.info["page_cursor"] is not kept and third == second


class TestListsServedFromPreparedPages:
    @pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.plural)
    @pytest.mark.parametrize("order", ["default", "reversed"])
    def test_the_api_serves_the_pages_of_the_general_path(
        self, client: TestClient, session: Session, spec: ListSpec, order: str
    ):
        sort = None if order == "default" else f"-{next(iter(spec.sorts))}"
        general = every_page(session, spec, matching_everything(spec), sort)
        served: Pages = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": SIZE}
            if sort:
                params["sort"] = sort
            if cursor:
                params["cursor"] = cursor
            response = client.get(f"/v1/{spec.plural}", params=params)
            assert response.status_code == 200, response.text
            body = response.json()
            cursor = body["meta"]["next_cursor"]
            served.append((body["data"], cursor))
            if cursor is None:
                break
            assert len(served) < 100, "the cursor does not advance"
        assert served == general


class TestJsonArray:
    def test_text_and_bytes_documents_join_into_one_json_array(self):
        documents: list[str | bytes] = [
            '{"slug":"a","title":"Tōkyō"}',
            '{"slug":"b","title":"Brüssel"}'.encode(),
            "[1,2]",
            b'"x"',
        ]
        joined_documents = json_array(documents)
        assert isinstance(joined_documents, bytes)
        assert json.loads(joined_documents) == [
            {"slug": "a", "title": "Tōkyō"},
            {"slug": "b", "title": "Brüssel"},
            [1, 2],
            "x",
        ]

    def test_the_documents_are_joined_as_they_are(self):
        documents: list[str | bytes] = ['{"a": 1}', b'{"b" :2}']
        assert json_array(documents) == b'[{"a": 1},{"b" :2}]'

    def test_no_documents_is_an_empty_array(self):
        assert json_array([]) == b"[]"
        assert json.loads(json_array([])) == []


class TestOneOrderOneStatement:
    def test_an_order_written_with_spaces_is_the_same_order(self):
        assert EVENTS.sort_keys("-date, title")[1] == EVENTS.sort_keys("-date,title")[1]
        assert EVENTS.sort_keys(" date ")[1] == "date"

    def test_a_cursor_from_one_spelling_continues_the_other(self, client: TestClient):
        first = client.get("/v1/events", params={"limit": 3, "sort": "-date, title"}).json()
        cursor = first["meta"]["next_cursor"]
        again = client.get("/v1/events", params={"limit": 3, "sort": "-date,title"}).json()
        after = client.get(
            "/v1/events", params={"limit": 3, "sort": "-date,title", "cursor": cursor}
        )
        assert after.status_code == 200, after.text
        assert again["data"] == first["data"]
        slugs_seen = [e["slug"] for e in first["data"]] + [e["slug"] for e in after.json()["data"]]
        assert slugs_seen == [
            e["slug"]
            for e in client.get("/v1/events", params={"limit": 6, "sort": "-date,title"}).json()[
                "data"
            ]
        ]

    def test_spellings_of_an_order_share_one_compiled_statement(
        self, session: Session, compiled: list[str]
    ):
        for sort in ("-date,title", "-date, title", " -date ,title "):
            keys, signature = EVENTS.sort_keys(sort)
            page = Page(limit=2, cursor=None)
            fetch_page(session, EVENTS, EVENTS.whole, keys=keys, page=page, signature=signature)
        assert len(set(compiled)) == 1

    def test_a_statement_binds_no_date_object_on_sqlite(self, session: Session, backend: str):
        # `-date` orders NULL dates by a fixed far-past date the compiler binds itself;
        # the DBAPI cursor gets it as SQLite's ISO text, not as a date to adapt.
        keys, signature = EVENTS.sort_keys("-date")
        page = Page(limit=2, cursor=None)
        fetch_page(session, EVENTS, EVENTS.whole, keys=keys, page=page, signature=signature)
        plans = [p for k, p in prepared._PLANS.items() if k[0] == session.get_bind().dialect.name]
        defaults = [value for plan in plans for value in plan.defaults.values()]
        assert defaults
        if backend == "sqlite":
            assert not any(isinstance(value, date) for value in defaults)
            assert "0001-01-01" in defaults
