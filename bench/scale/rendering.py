"""Each event's and quote's public JSON and CSV line, made from the public models as the
loader makes them.

The small tables are rendered afterwards by the service's own `app.core.documents.render`;
events and quotes are too many for that (a query per chunk, then an UPDATE of every row),
so their documents and CSV lines are written with the rows. tests/bench proves the two
renderings agree.
"""

from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

from sqlmodel import Session

from app.citations.models import CitationPublic
from app.core.config import Settings
from app.core.dates import DateSpan
from app.core.engine import make_engine
from app.core.models import DatasetVersion, Ref
from app.events.models import EventPublic, Place
from app.query.csv_rows import csv_columns, csv_record
from app.query.documents import render
from app.quotes.models import QuotePublic
from app.rendering import RENDERED, render_version
from bench.scale.spans import Span


def date_span(span: Span) -> DateSpan | None:
    start, start_precision, end, end_precision, label, note = span
    if start is None:
        return None
    columns = SimpleNamespace(
        start_date=date.fromisoformat(start), start_precision=start_precision,
        end_date=date.fromisoformat(end) if end else None, end_precision=end_precision,
        date_label=label, date_note=note,
    )  # fmt: skip
    return DateSpan.of(columns)  # type: ignore[arg-type]


@dataclass
class EventParts:
    """An event's row (without its document) and what its document names."""

    row: tuple  # type: ignore[type-arg]
    span: Span
    areas: list[Ref]
    programmes: list[Ref]
    people: list[Ref]
    organisations: list[Ref]
    citations: list[CitationPublic]
    quotes: list[Ref] = field(default_factory=list)

    @property
    def ref(self) -> Ref:
        return Ref(slug=self.row[1], name=self.row[2])


def _stored(record: EventPublic | QuotePublic) -> tuple[str, str]:
    """A record's document and CSV line, as `app.core.documents.render` writes them."""
    columns = _CSV_COLUMNS[type(record)]
    return record.model_dump_json(), csv_record(columns, record.model_dump(mode="json"))


def event_document(parts: EventParts) -> tuple[str, str]:
    _, slug, title, summary, kind, place_name, country = parts.row[:7]
    return _stored(EventPublic(
        slug=slug, title=title, summary=summary, kind=kind, date=date_span(parts.span),
        place=Place(name=place_name, country=country), areas=parts.areas,
        programmes=parts.programmes, people=parts.people, organisations=parts.organisations,
        quotes=parts.quotes, basis=[], note=None, citations=parts.citations,
    ))  # fmt: skip


def quote_document(
    row: tuple,  # type: ignore[type-arg]
    *,
    speaker: Ref,
    organisation: Ref | None,
    event: Ref | None,
    source: Ref,
    areas: list[Ref],
    citations: list[CitationPublic],
) -> tuple[str, str]:
    _, slug, text, mode, _, start, end, _, _, role, _ = row[:11]
    return _stored(QuotePublic(
        slug=slug, text=text, mode=mode, speaker=speaker, speaker_organisation=organisation,
        speaker_role=role, date=date_span(row[11:17]), event=event, source=source,
        text_start=start, text_end=end, areas=areas, basis=[], note=None, citations=citations,
    ))  # fmt: skip


PRERENDERED = {"event", "quote"}
_CSV_COLUMNS = {model: csv_columns(model, None) for model in (EventPublic, QuotePublic)}


def render_the_rest(database_url: str) -> None:
    """Render the other records' documents as the service does; mark them current."""
    engine = make_engine(Settings(database_url=database_url))
    try:
        with Session(engine) as session:
            for resource, hydrate in RENDERED:
                if resource.kind not in PRERENDERED:
                    render(session, resource, hydrate)
            version = session.get(DatasetVersion, 1)
            if version is not None:
                version.render_version = render_version()
            session.commit()
    finally:
        engine.dispose()
