"""The shipped Python client (clients/python/): it is exactly what openapi-python-client
makes of the document the service serves, and it drives a live service on each back-end:
cursors, sparse and embedded records, typed problems, exports."""

import importlib
import inspect
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from docs.openapi_file import main as write_document
from tests.support import curated

ROOT = Path(__file__).parents[2]
SHIPPED = ROOT / "clients" / "python"
sys.path.insert(0, str(SHIPPED))  # as `pip install ./clients/python` would make it importable

from nato_japan_client import Client  # noqa: E402
from nato_japan_client.api.areas import list_areas  # noqa: E402
from nato_japan_client.api.events import export_events, get_event, list_events  # noqa: E402
from nato_japan_client.api.quotes import list_quotes  # noqa: E402
from nato_japan_client.api.search import search  # noqa: E402
from nato_japan_client.api.sources import list_source_citations  # noqa: E402
from nato_japan_client.models import (  # noqa: E402
    AreaIncluded,
    CitationInContext,
    CitationPublic,
    EnvelopeEventPublic,
    EventField,
    EventInclude,
    EventPublic,
    EventSort,
    ExportEventsFormat,
    PersonIncluded,
    Problem,
    QuoteInclude,
    Ref,
)
from nato_japan_client.types import UNSET, Unset  # noqa: E402


def generate(into: Path) -> None:
    """What `make client` does, into `into`."""
    document = into / "openapi.json"
    write_document(str(document))
    subprocess.run(
        [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            f"--path={document}",
            f"--output-path={into / 'python'}",
            f"--config={ROOT / 'clients' / 'openapi-python-client.yaml'}",
            "--meta=uv",
        ],
        check=True,
        capture_output=True,
        cwd=into,
    )


def files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_shipped_client_is_what_the_generator_makes_of_the_document(tmp_path: Path):
    generate(tmp_path)
    fresh, shipped = files(tmp_path / "python"), files(SHIPPED)
    assert sorted(fresh) == sorted(shipped), "files differ: run `make client`"
    stale = [name for name in fresh if fresh[name] != shipped[name]]
    assert not stale, f"{stale[:5]} differ from a fresh generation: run `make client`"


@pytest.fixture(scope="module")
def client(live_url: str) -> Iterator[Client]:
    """The shipped client, talking to a service under uvicorn on loopback."""
    with Client(base_url=live_url, raise_on_unexpected_status=True) as api:
        yield api


def page(client: Client, **query: Any) -> EnvelopeEventPublic:
    found = list_events.sync(client=client, **query)
    assert isinstance(found, EnvelopeEventPublic), found
    return found


class TestPaging:
    def test_cursors_walk_every_event_once_in_order(self, client: Client):
        slugs: list[str] = []
        cursor: str | Unset = UNSET
        while True:
            found = page(client, limit=7, cursor=cursor, sort=[EventSort.TITLE_DESCENDING])
            slugs += [event.slug for event in found.data]
            if not found.meta.next_cursor:
                break
            cursor = found.meta.next_cursor
        titles = {e["slug"]: e["title"] for e in curated("events")}
        assert sorted(slugs) == sorted(titles)
        assert slugs == sorted(titles, key=lambda s: (titles[s], s), reverse=True)

    def test_a_whole_record_is_typed_through(self, client: Client):
        event = get_event.sync("joint-political-declaration-signing-2013", client=client)
        assert isinstance(event, EventPublic)
        assert event.date and not isinstance(event.date, Unset)
        assert str(event.date.start) == "2013-04-15"
        assert isinstance(event.areas, list) and all(isinstance(a, Ref) for a in event.areas)
        assert all(isinstance(c, CitationPublic) for c in event.citations or [])


class TestShapes:
    def test_fields_leave_the_rest_unset(self, client: Client):
        found = page(client, limit=5, fields=[EventField.TITLE])
        assert len(found.data) == 5
        for event in found.data:
            assert event.slug and isinstance(event.title, str)
            assert isinstance(event.summary, Unset) and isinstance(event.areas, Unset)
            assert not event.additional_properties

    def test_include_embeds_typed_records_in_place_of_references(self, client: Client):
        found = page(client, limit=200, include=[EventInclude.AREAS, EventInclude.CITATIONS])
        areas = [a for e in found.data if isinstance(e.areas, list) for a in e.areas]
        assert areas and all(isinstance(a, AreaIncluded) for a in areas)
        assert all(not a.additional_properties for a in areas)
        citations = [c for e in found.data if isinstance(e.citations, list) for c in e.citations]
        assert citations and all(isinstance(c, CitationInContext) for c in citations)

    def test_a_single_embedded_record_is_typed_too(self, client: Client):
        found = list_quotes.sync(client=client, limit=200, include=[QuoteInclude.SPEAKER])
        assert found is not None and not isinstance(found, Problem)
        speakers = [q.speaker for q in found.data if q.speaker and not isinstance(q.speaker, Unset)]
        assert speakers and all(isinstance(s, PersonIncluded) for s in speakers)


class TestProblems:
    def test_a_missing_record_is_a_typed_404(self, client: Client):
        problem = get_event.sync("no-such-event", client=client)
        assert isinstance(problem, Problem) and problem.status == 404
        assert problem.type_ == "/problems/not-found"

    def test_an_invalid_parameter_is_a_typed_422_naming_it(self, client: Client):
        problem = list_events.sync(client=client, limit=0)
        assert isinstance(problem, Problem) and problem.status == 422
        assert [p.name for p in problem.invalid_params or []] == ["query.limit"]

    def test_a_filter_naming_nothing_is_a_typed_404_naming_it(self, client: Client):
        problem = list_areas.sync(client=client, parent="atlantis")
        assert isinstance(problem, Problem) and problem.status == 404
        assert [p.name for p in problem.invalid_params or []] == ["query.parent"]

    def test_a_forged_cursor_is_a_typed_422(self, client: Client):
        problem = search.sync(client=client, q="japan", cursor="abc")
        assert isinstance(problem, Problem) and problem.status == 422

    def test_a_missing_source_of_citations_is_a_typed_404(self, client: Client):
        problem = list_source_citations.sync("no-such-source", client=client)
        assert isinstance(problem, Problem) and problem.status == 404


class TestExports:
    def test_a_csv_export_comes_as_text_and_bytes(self, client: Client):
        response = export_events.sync_detailed(
            ExportEventsFormat.CSV, client=client, fields=[EventField.TITLE]
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        lines = response.content.decode().splitlines()
        assert lines[0] == "slug,title" and len(lines) == 1 + len(curated("events"))
        assert response.parsed == response.content.decode()

    @pytest.mark.parametrize("fmt", list(ExportEventsFormat))
    def test_every_export_format_parses(self, client: Client, fmt: ExportEventsFormat):
        text = export_events.sync(fmt, client=client, limit=3)
        assert isinstance(text, str) and text


# A real record for each operation's `{slug}`, by the operation's tag.
SLUGS = {
    "events": "ipcp-signing-2014",
    "programmes": "individually-tailored-partnership-programme-2023",
    "areas": "cyber-defence",
    "quotes": "abe-security-asia-europe-intertwined-2014",
    "people": "anders-fogh-rasmussen",
    "organisations": "nato",
    "sources": "blog-2014-05-07-ipcp-signing",
}


def operations() -> list[Any]:
    """Every operation module of the shipped client (one per operation of the document)."""
    api = SHIPPED / "nato_japan_client" / "api"
    return [
        importlib.import_module(f"nato_japan_client.api.{path.parent.name}.{path.stem}")
        for path in sorted(api.glob("*/*.py"))
        if path.stem != "__init__"
    ]


def arguments(operation: Any, *, slug: str | None = None) -> dict[str, Any]:
    """What `operation` needs: a real (or the given) slug, the first export format, a
    search query, the latest release."""
    tag = operation.__name__.split(".")[-2]
    needed: dict[str, Any] = {}
    for name, parameter in inspect.signature(operation.sync_detailed).parameters.items():
        if parameter.default is not inspect.Parameter.empty or name == "client":
            continue
        if name == "slug":
            needed[name] = slug or SLUGS[tag]
        elif name == "format_":
            needed[name] = None  # `typed` sets it
        elif name == "q":
            needed[name] = "japan"
        elif name == "version":
            needed[name] = "latest"
        else:
            raise AssertionError(f"{operation.__name__} needs {name}")
    return needed


def statuses(operation: Any) -> set[str]:
    """The statuses the document declares for `operation` (its module is named after its
    operationId)."""
    name = operation.__name__.split(".")[-1]
    for item in document()["paths"].values():
        for declared in item.values():
            if re.sub(r"(?<!^)(?=[A-Z])", "_", declared["operationId"]).lower() == name:
                return set(declared["responses"])
    raise AssertionError(f"{name} is in no operation of the document")


@cache
def document() -> dict[str, Any]:
    with TestClient(create_app(Settings(database_url="sqlite://"))) as app:
        return dict(app.get("/openapi.json").json())


def named(operation: Any) -> str:
    return str(operation.__name__.split(".")[-1])


EVERY = operations()
REFUSING = [o for o in EVERY if "406" in statuses(o)]  # the probes answer whatever Accept
BY_SLUG = [o for o in EVERY if "slug" in inspect.signature(o.sync_detailed).parameters]


class TestEveryOperation:
    """Each operation's documented answers parse: its 200 to its declared type, its
    problems to `Problem`, with no crash."""

    def test_every_operation_of_the_document_is_in_the_client(self):
        assert len(EVERY) == sum(len(item) for item in document()["paths"].values())

    @pytest.mark.parametrize("operation", EVERY, ids=named)
    def test_its_answer_parses_to_its_type(self, client: Client, operation: Any):
        response = operation.sync_detailed(client=client, **typed(operation))
        assert response.status_code == 200, response.content
        assert response.parsed is not None and not isinstance(response.parsed, Problem)

    @pytest.mark.parametrize("operation", REFUSING, ids=named)
    def test_an_unacceptable_type_is_a_typed_406(self, live_url: str, operation: Any):
        with Client(base_url=live_url, headers={"Accept": "image/png"}) as refusing:
            response = operation.sync_detailed(client=refusing, **typed(operation))
        assert response.status_code == 406
        assert isinstance(response.parsed, Problem) and response.parsed.status == 406

    @pytest.mark.parametrize("operation", BY_SLUG, ids=named)
    def test_a_missing_record_is_a_typed_404(self, client: Client, operation: Any):
        response = operation.sync_detailed(client=client, **typed(operation, slug="no-such"))
        assert response.status_code == 404
        assert isinstance(response.parsed, Problem) and response.parsed.status == 404


def typed(operation: Any, *, slug: str | None = None) -> dict[str, Any]:
    """`arguments`, with an export's format as the first value of its enum."""
    values = arguments(operation, slug=slug)
    if "format_" in values:
        hints = inspect.signature(operation.sync_detailed).parameters["format_"].annotation
        values["format_"] = next(iter(_resolved(operation, hints)))
    return values


def _resolved(operation: Any, annotation: Any) -> Any:
    """An annotation written as a string (the client's modules postpone them)."""
    if isinstance(annotation, str):
        return eval(annotation, vars(operation))  # noqa: S307 - the client's own module
    return annotation
