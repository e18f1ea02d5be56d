"""Row shapes: the columns written per table, in order, and small row helpers."""

import re
from typing import Any

from app.search.indexing import _terms  # the indexer's own spelling rules, not a copy

Row = tuple[Any, ...]
Batch = dict[str, list[Row]]  # table → rows, written in the dict's order

SYNTHETIC_PREFIX = "synthetic-"
# A synthetic dataset is one release with no change list: nothing came before it.
SYNTHETIC_SUMMARY = {"created": 0, "updated": 0, "renamed": 0, "deleted": 0}
SPAN = ("start_date", "start_precision", "end_date", "end_precision", "date_label", "date_note")
COLUMNS: dict[str, tuple[str, ...]] = {
    "source": (
        "id", "slug", "title", "publisher", "published_date", "published_precision", "kind",
        "file_name", "url", "sha256", "text",
    ),
    "organisation": ("id", "slug", "name", "acronym", "kind", "country", "parent_id"),
    "person": ("id", "slug", "name", "country"),
    "person_role": ("id", "person_id", "title", "organisation_id", "position"),
    "cooperation_area": ("id", "slug", "name", "description", "aliases", "parent_id"),
    "programme": (
        "id", "slug", "name", "acronym", "kind", "description", "priority_areas", "open_ended",
        "predecessor_id", *SPAN,
    ),
    "programme_area": ("programme_id", "area_id"),
    "programme_organisation": ("programme_id", "organisation_id"),
    "event": (
        "id", "slug", "title", "summary", "kind", "place_name", "place_country", *SPAN,
        "document",
    ),
    "event_area": ("event_id", "area_id"),
    "event_programme": ("event_id", "programme_id"),
    "event_person": ("event_id", "person_id"),
    "event_organisation": ("event_id", "organisation_id"),
    "quote": (
        "id", "slug", "text", "mode", "source_id", "text_start", "text_end", "speaker_id",
        "speaker_organisation_id", "speaker_role", "event_id", *SPAN, "document",
    ),
    "quote_area": ("quote_id", "area_id"),
    "citation": (
        "id", "source_id", "evidence", "start_offset", "end_offset", "position",
        "event_id", "programme_id", "area_id", "quote_id", "person_id", "organisation_id",
    ),
    "search_document": (
        "id", "kind", "record_id", "slug", "title", "body", "title_terms", "body_terms",
    ),
    # Events' and quotes' lines; the loader's `render` writes the other kinds' after.
    "csv_line": ("kind", "record_id", "line"),
}  # fmt: skip
TABLES = tuple(COLUMNS)
_CITED = ("event", "programme", "area", "quote", "person", "organisation")
_NO_SUBJECT = (None,) * len(_CITED)

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, limit: int = 60) -> str:
    return _NOT_SLUG.sub("-", text.lower())[:limit].strip("-")


_MEMO: dict[str, str] = {}


def _token_by_token(text: str) -> str:
    memo, out = _MEMO, []
    for token in text.split(" "):
        done = memo.get(token)
        if done is None:
            if len(memo) > 500_000:
                memo.clear()
            done = memo[token] = _terms(token)
        if done:
            out.append(done)
    return " ".join(out)


# Texts like the generator's: spelling variants, hyphens, curly quotes, dashes, lines.
_PROBE = (
    "NATO-led cyber defense, “Japan’s” programs; Kyodo News–Japan talks (2013): mid-1990s.\n"
    "Cyber Defense\nCyberdefense organization centers\nDisarmament, demobilisation — reintegration"
)
# Rewriting a text token by token is exact when no spelling or tokenising rule of the
# indexer looks across a space (true of `normalise`); the probe checks the indexer of the day.
_FAST = _token_by_token(_PROBE) == _terms(_PROBE)


def terms(text: str) -> str:
    """A search document's indexed text, exactly as `app.search.indexing` makes it.

    The vocabulary's tokens are few, so they are rewritten once each and memoised: ten
    times faster than the indexer's regular expressions over every document.
    """
    return _token_by_token(text) if _FAST else _terms(text)


def citation(
    cid: int, source_id: int, text: str, span: tuple[int, int], position: int, kind: str, owner: int
) -> Row:
    start, end = span
    subject: list[int | None] = list(_NO_SUBJECT)
    subject[_CITED.index(kind)] = owner
    return (cid, source_id, text[start:end], start, end, position, *subject)


def join(*parts: str | None) -> str:
    """Non-empty parts, one per line: how the indexer lays out a document's body."""
    return "\n".join(p for p in parts if p)


def document(doc_id: int, kind: str, record_id: int, slug: str, title: str, body: str) -> Row:
    return (doc_id, kind, record_id, slug, title, body, terms(title), terms(body))
