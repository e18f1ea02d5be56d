"""Full-text search: `/v1/search` ranks in the search index (app/search/ranking.py); a
list's `q=` filters in the database (FTS5 on SQLite, a tsvector on PostgreSQL)."""

from typing import Any

from sqlalchemy import Double, Integer, Select, func, literal_column, select, text
from sqlmodel import Session

from app.core.models import BasisLevel
from app.core.orders import Order, SortKey, decode_cursor, encode_cursor
from app.search.models import SearchDocument, SearchHit
from app.search.query import parse
from app.search.ranking import SearchIndex
from app.search.snippet import snippets


def matching_record_ids(session: Session, kind: str, q: str) -> Select[Any]:
    """A subquery of the ids of `kind` records matching `q`, for a list's `q=` filter: in
    the database's own index, whose matches both back-ends agree on (tests/search)."""
    query = parse(q)
    doc = SearchDocument.__table__
    if query.empty:
        return select(doc.c.record_id).where(doc.c.id.is_(None))
    matched: Select[Any]
    if session.get_bind().dialect.name == "sqlite":
        matched = (
            select(literal_column("search_fts.rowid"))
            .select_from(text("search_fts"))
            .where(text("search_fts MATCH :fts").bindparams(fts=query.to_fts5()))
        )
    else:
        tsquery = func.to_tsquery(text("'english'"), query.to_tsquery())
        matched = select(doc.c.id).where(literal_column("search_document.tsv").op("@@")(tsquery))
    return select(doc.c.record_id).where(doc.c.kind == kind, doc.c.id.in_(matched))


def search(
    index: SearchIndex, *, q: str, types: list[str], paths: dict[str, str], limit: int,
    cursor: str | None, basis: BasisLevel | None = None,
) -> tuple[list[SearchHit], str | None]:  # fmt: skip
    """Ranked hits across the resources of `types` (their kinds), with highlighted
    snippets, and the next page's cursor. `paths` names where each kind is served,
    `/v1/{path}`. Every match is ranked (BM25, in the index: app/search/ranking.py); equal
    scores keep the index's canonical order, so the cursor is `(score, ordinal)`."""
    query = parse(q)
    after = decode_cursor(cursor, _BY_RANK) if cursor else None
    if query.empty:  # nothing to search for (a cursor is still checked, as everywhere)
        return [], None
    kinds = None if set(types) >= set(paths) else types  # every type: no filter
    found, more = index.search(
        query, kinds=kinds, basis=basis, limit=limit,
        after=(after[0], after[1]) if after else None,
    )  # fmt: skip
    cut = snippets([hit.body for hit in found], query.words())
    hits = [
        SearchHit(
            type=hit.kind,
            slug=hit.slug,
            title=hit.title,
            snippet=text,
            rank=round(hit.score, 6),
            url=f"/v1/{paths[hit.kind]}/{hit.slug}",
        )
        for hit, text in zip(found, cut, strict=True)
    ]
    next_cursor = None
    if more and found:
        next_cursor = encode_cursor("rank", [found[-1].score, found[-1].ordinal])
    return hits, next_cursor


# Best hits first, then the index's canonical order: a cursor carries `(score, ordinal)`.
_BY_RANK = Order(
    (
        SortKey(literal_column("score", Double), descending=True),
        SortKey(literal_column("ordinal", Integer)),
    ),
    "rank",
)
