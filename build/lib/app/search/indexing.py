"""Build the search documents from the records; the seed loader calls this."""

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session

from app.areas import service as areas
from app.areas.models import CooperationArea
from app.core.models import Ref
from app.events import service as events
from app.organisations import service as organisations
from app.people import service as people
from app.programmes import service as programmes
from app.quotes import service as quotes
from app.quotes.models import quote_label
from app.search.models import SearchDocument
from app.search.spelling import WORD, normalise
from app.sources.models import Source


def rebuild_index(session: Session) -> int:
    """Replace every search document; return how many were written."""
    session.execute(delete(SearchDocument))
    aliases = {a.slug: a.aliases for a in session.execute(select(CooperationArea)).scalars()}
    written = 0
    for kind, record_id, slug, title, body in _documents(session, aliases):
        session.add(
            SearchDocument(
                kind=kind,
                record_id=record_id,
                slug=slug,
                title=title,
                body=body,
                title_terms=_terms(title),
                body_terms=_terms(body),
            )  # fmt: skip
        )
        written += 1
    session.flush()
    return written


def _terms(text: str) -> str:
    # The index holds plain words, as FTS5's tokenizer sees them. PostgreSQL's parser would
    # otherwise make extra tokens of "NATO-led" (nato-led, nato, led), file names and hosts,
    # which shift the positions of the words after them, so phrases across them never match.
    return " ".join(WORD.findall(normalise(text)))


def _names(refs: Iterable[Ref], aliases: dict[str, list[str]] | None = None) -> list[str]:
    out = []
    for ref in refs:
        out.append(ref.name)
        if aliases:
            out.extend(aliases.get(ref.slug, []))
    return out


def _join(*parts: str | None | list[str]) -> str:
    flat: list[str] = []
    for part in parts:
        if isinstance(part, list):
            flat.extend(p for p in part if p)
        elif part:
            flat.append(part)
    return "\n".join(flat)


def _documents(
    session: Session, aliases: dict[str, list[str]]
) -> Iterator[tuple[str, int, str, str, str]]:
    def rows(table: Any) -> list[Any]:
        return list(session.execute(select(table).order_by(table.id)).scalars())

    def hydrated(service: Any) -> Iterator[tuple[Any, Any]]:
        """Each row of the service's resource with its public record."""
        found = rows(service.RESOURCE.table)
        return zip(found, service.hydrate(session, found), strict=True)

    for row, e in hydrated(events):
        body = _join(
            e.summary, e.kind.replace("_", " "), e.place.name, e.place.country,
            e.date.label if e.date else None, _names(e.areas, aliases), _names(e.programmes),
            _names(e.people), _names(e.organisations), [c.evidence for c in e.citations],
        )  # fmt: skip
        yield "event", row.id, e.slug, e.title, body
    for row, p in hydrated(programmes):
        body = _join(
            p.acronym, p.description, p.kind.replace("_", " "), _names(p.areas, aliases),
            _names(p.organisations), [c.evidence for c in p.citations],
        )  # fmt: skip
        yield "programme", row.id, p.slug, p.name, body
    for row, a in hydrated(areas):
        body = _join(a.description, a.aliases, [c.evidence for c in a.citations])
        yield "area", row.id, a.slug, a.name, body
    for row, q in hydrated(quotes):
        speaker = q.speaker.name if q.speaker else None
        org = q.speaker_organisation.name if q.speaker_organisation else None
        body = _join(q.text, speaker, q.speaker_role, org, _names(q.areas, aliases))
        title = f"{speaker or org}: {quote_label(q.text, 60)}"
        yield "quote", row.id, q.slug, title, body
    for row, person in hydrated(people):
        roles = [r.title for r in person.roles]
        yield "person", row.id, person.slug, person.name, _join(roles, person.country)
    for row, o in hydrated(organisations):
        body = _join(o.acronym, o.kind.replace("_", " "), o.country)
        yield "organisation", row.id, o.slug, o.name, body
    for source in rows(Source):
        body = _join(source.publisher, source.text)
        yield "source", source.id, source.slug, source.title, body
