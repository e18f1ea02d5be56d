"""bench.scale: deterministic synthetic data that the API serves, never beside curated data."""

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import and_, create_engine, select, text
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from app.core.config import Settings
from app.core.engine import make_engine, upgrade
from app.main import create_app
from app.models import metadata
from app.query.documents import CsvLine, render
from app.rendering import RENDERED
from app.search.indexing import rebuild_index
from bench.scale.dataset import GENERATION, Dataset, version_of
from bench.scale.loader import load
from bench.scale.target import Refused, default_url
from seeds.loader import seed
from tests.databases import temporary_database

EVENTS = 300


def table_digest(url: str, *tables: str) -> str:
    """SHA-256 over the rows of `tables`, in primary-key order, as SQLAlchemy reads them."""
    digest = hashlib.sha256()
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        for name in tables:
            table = metadata.tables[name]
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    engine.dispose()
    return digest.hexdigest()


def schema(url: str) -> set[tuple[str, ...]]:
    """Indexes, triggers and constraints, as the database itself states them."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # What the loader drops and rebuilds. (Tables it never alters; and migration
            # 0003's batch rebuild writes their constraints in no fixed order.)
            query = """SELECT type, name, tbl_name, sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"""
        else:
            query = """
                SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL
                SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace"""
        found = {tuple(row) for row in conn.execute(text(query))}
    engine.dispose()
    return found


@pytest.fixture(scope="module")
def synthetic_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with temporary_database(backend, tmp_path_factory.mktemp("scale")) as url:
        load(url, events=EVENTS, seed=42)
        yield url


@pytest.fixture(scope="module")
def synthetic_client(synthetic_url: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=synthetic_url))
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


class TestDeterminism:
    def test_same_seed_gives_identical_rows_on_both_backends(self, tmp_path: Path):
        tables = ("event", "event_area", "quote", "citation", "search_document")
        digests = []
        for backend in ("sqlite", "sqlite", "postgresql"):
            with temporary_database(backend, tmp_path) as url:
                load(url, events=EVENTS, seed=42)
                digests.append(table_digest(url, *tables))
        assert digests[0] == digests[1] == digests[2]

    def test_another_seed_gives_other_rows(self):
        def rows(seed: int) -> list[object]:
            return [b.get("event") for b in Dataset(EVENTS, seed).batches()]

        assert rows(42) == rows(42)
        assert rows(42) != rows(43)


class TestServedByTheApi:
    def test_readyz_reports_the_synthetic_version(self, synthetic_client: TestClient):
        response = synthetic_client.get("/readyz")
        assert response.status_code == 200
        assert response.json()["data_version"] == f"synthetic-{EVENTS}-42-g{GENERATION}"

    def test_events_list_pages(self, synthetic_client: TestClient):
        body = synthetic_client.get("/v1/events?limit=20").json()
        assert len(body["data"]) == 20 and body["links"]["next"]

    def test_area_and_date_filters_match_the_database(
        self, synthetic_client: TestClient, synthetic_url: str
    ):
        body = synthetic_client.get("/v1/events?area=cyber-defence&from=2013&to=2016&limit=200")
        served = {e["slug"] for e in body.json()["data"]}
        engine = create_engine(synthetic_url, poolclass=NullPool)
        with engine.connect() as conn:
            expected = set(conn.execute(text("""
                SELECT e.slug FROM event e
                JOIN event_area l ON l.event_id = e.id
                JOIN cooperation_area a ON a.id = l.area_id AND a.slug = 'cyber-defence'
                WHERE e.start_date <= :end AND e.end_date >= :start"""),
                {"start": date(2013, 1, 1), "end": date(2016, 12, 31)}).scalars())  # fmt: skip
        engine.dispose()
        assert served and served == expected

    def test_search_finds_the_synthetic_words(self, synthetic_client: TestClient):
        hits = synthetic_client.get("/v1/search?q=maritime&limit=50").json()["data"]
        assert {"event", "area"} <= {h["type"] for h in hits}
        assert all("<mark>" in h["snippet"] or "maritime" in h["title"].lower() for h in hits)
        # The documents mix spellings; the index holds one.
        assert synthetic_client.get("/v1/search?q=cyber+defense").json()["data"]

    def test_event_detail_and_csv(self, synthetic_client: TestClient):
        slug = synthetic_client.get("/v1/events?limit=1").json()["data"][0]["slug"]
        event = synthetic_client.get(f"/v1/events/{slug}?include=areas").json()
        assert event["areas"] and "aliases" in event["areas"][0]
        csv = synthetic_client.get("/v1/events.csv?limit=5")
        assert csv.headers["content-type"].startswith("text/csv")
        assert len(csv.text.strip().splitlines()) == 6

    def test_it_is_one_release_whose_package_holds_every_event(self, synthetic_client: TestClient):
        (release,) = synthetic_client.get("/v1/releases").json()["data"]
        assert release["version"] == f"synthetic-{EVENTS}-42-g{GENERATION}"
        assert release["current"] and release["counts"]["event"] == EVENTS
        assert synthetic_client.get("/v1/changes").json()["data"] == []  # nothing before it
        package = synthetic_client.get(release["package_url"])
        with zipfile.ZipFile(io.BytesIO(package.content)) as archive:
            events = archive.read("data/events.ndjson").decode().splitlines()
            manifest = json.loads(archive.read("datapackage.json"))
        assert len(events) == EVENTS and manifest["version"] == release["version"]


class TestContent:
    def test_every_citation_and_quote_is_verbatim_at_its_offsets(self, synthetic_url: str):
        engine = create_engine(synthetic_url, poolclass=NullPool)
        with engine.connect() as conn:
            texts = dict(conn.execute(text("SELECT id, text FROM source")).all())
            citations = conn.execute(
                text("SELECT source_id, evidence, start_offset, end_offset FROM citation")
            ).all()
            quotes = conn.execute(text("SELECT source_id, text, text_start, text_end FROM quote"))
            quotes = quotes.all()
        engine.dispose()
        assert len(citations) > EVENTS and len(quotes) == EVENTS // 5
        for source, words, start, end in [*citations, *quotes]:
            assert texts[source][start:end] == words

    def test_search_documents_are_what_the_indexer_writes(self, synthetic_url: str):
        engine = make_engine(Settings(database_url=synthetic_url))
        columns = "kind, record_id, slug, title, body, title_terms, body_terms"
        query = text(f"SELECT {columns} FROM search_document ORDER BY kind, record_id")
        with Session(engine) as session:
            ours = session.execute(query).all()
            rebuild_index(session)
            theirs = session.execute(query).all()
            session.rollback()
        engine.dispose()
        assert len(ours) > EVENTS and ours == theirs

    def test_documents_and_csv_lines_are_what_the_service_renders(self, synthetic_url: str):
        engine = make_engine(Settings(database_url=synthetic_url))
        with Session(engine) as session:
            for resource, hydrate in RENDERED:
                table = resource.table
                lines = and_(CsvLine.kind == resource.kind, CsvLine.record_id == table.id)
                query = (
                    select(table.id, table.document, CsvLine.line)
                    .outerjoin(CsvLine, lines)
                    .order_by(table.id)
                )
                ours = session.execute(query).all()
                render(session, resource, hydrate)
                assert ours == session.execute(query).all(), resource.kind
                assert all(document and line for _, document, line in ours), resource.kind
            session.rollback()
        engine.dispose()

    def test_the_schema_is_left_as_the_migrations_made_it(self, synthetic_url: str, empty_url: str):
        upgrade(empty_url)
        assert schema(synthetic_url) == schema(empty_url)

    def test_event_ids_follow_the_calendar(self, synthetic_url: str):
        # A growing dataset's rows sit in date order, so the list's default order reads
        # the table nearly sequentially (bench.scale.timeline).
        engine = create_engine(synthetic_url, poolclass=NullPool)
        with engine.connect() as conn:
            keys = conn.execute(text("SELECT date_key FROM event ORDER BY id")).scalars().all()
            undated = conn.execute(text("SELECT count(*) FROM event WHERE start_date IS NULL"))
            undated_count = undated.scalar_one()
        engine.dispose()
        assert len(keys) == EVENTS and keys == sorted(keys)
        assert 0 < undated_count < EVENTS // 10  # undated ones exist, and come last

    def test_foreign_keys_hold(self, synthetic_url: str):
        if not synthetic_url.startswith("sqlite"):
            return  # PostgreSQL validated each key when the load added it back
        engine = create_engine(synthetic_url, poolclass=NullPool)
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        engine.dispose()


class TestTarget:
    def test_refuses_a_database_holding_the_curated_dataset(self, empty_url: str):
        upgrade(empty_url)
        engine = make_engine(Settings(database_url=empty_url))
        version = seed(engine).version
        for fresh in (False, True):
            with pytest.raises(Refused, match="curated"):
                load(empty_url, events=10, fresh=fresh)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version FROM dataset_version")).scalar() == version
            assert conn.execute(text("SELECT count(*) FROM event")).scalar() < 100
        engine.dispose()

    def test_refuses_the_default_database_however_it_is_spelled(self):
        relative = os.path.relpath(default_url().removeprefix("sqlite:///"))
        for url in (default_url(), f"sqlite:///{relative}"):
            with pytest.raises(Refused, match="default"):
                load(url, events=10)

    def test_replaces_an_earlier_synthetic_dataset_unless_it_is_the_same(self, empty_url: str):
        load(empty_url, events=40, seed=1)
        assert not load(empty_url, events=25, seed=2, if_missing=True).skipped
        assert load(empty_url, events=25, seed=2, if_missing=True).skipped
        engine = create_engine(empty_url, poolclass=NullPool)
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version FROM dataset_version")).scalar()
            assert version == version_of(25, 2)
            assert conn.execute(text("SELECT count(*) FROM event")).scalar() == 25
        engine.dispose()
