"""Full-text search: FTS5 on SQLite, tsvector with websearch_to_tsquery on PostgreSQL."""

from typing import Any

from sqlalchemy import Double, Select, cast, func, literal_column, select, text
from sqlmodel import Session

from app.core.pagination import Page, SortKey, after, decode_cursor, encode_cursor
from app.search.models import SearchDocument, SearchHit
from app.search.query import SearchQuery, parse
from app.search.snippet import snippet

PATHS = {
    "event": "events", "programme": "programmes", "area": "areas", "quote": "quotes",
    "person": "people", "organisation": "organisations", "source": "sources",
}  # fmt: skip


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _matching(session: Session, query: SearchQuery) -> tuple[Select[Any], Any]:
    """Documents that match, with a relevance score (higher is better)."""
    doc = SearchDocument.__table__
    if _is_sqlite(session):
        # bm25() is lower-is-better; titles weigh four times the body.
        score = (-func.bm25(literal_column("search_fts"), 4.0, 1.0)).label("score")
        matched = (
            select(doc.c.id, score)
            .select_from(text("search_fts"))
            .join(doc, doc.c.id == literal_column("search_fts.rowid"))
            .where(text("search_fts MATCH :fts").bindparams(fts=query.to_fts5()))
        )
    else:
        tsquery = func.websearch_to_tsquery(text("'english'"), query.to_websearch())
        # ts_rank_cd is a float4: as a float8 it survives the cursor's round trip exactly,
        # so the next page starts strictly after the last hit instead of repeating ties.
        rank = func.ts_rank_cd(literal_column("search_document.tsv"), tsquery)
        score = cast(rank, Double).label("score")
        matched = select(doc.c.id, score).where(
            literal_column("search_document.tsv").op("@@")(tsquery)
        )
    return matched, score


def matching_record_ids(session: Session, kind: str, q: str) -> Select[Any]:
    """A subquery of the ids of `kind` records matching `q`, for a list's `q=` filter."""
    query = parse(q)
    doc = SearchDocument.__table__
    if query.empty:
        return select(doc.c.record_id).where(doc.c.id.is_(None))
    matched, _ = _matching(session, query)
    ids = matched.with_only_columns(doc.c.id).scalar_subquery()
    return select(doc.c.record_id).where(doc.c.kind == kind, doc.c.id.in_(ids))


def search(
    session: Session, *, q: str, types: list[str], page: Page
) -> tuple[list[SearchHit], str | None]:
    """Ranked hits across resources, with highlighted snippets."""
    query = parse(q)
    if query.empty:
        return [], None
    doc = SearchDocument.__table__
    matched, score = _matching(session, query)
    # Rank on narrow columns only: every match is scored and sorted, so carrying each
    # one's title and body through the sort would cost more than the ranking itself. The
    # page's few hits fetch theirs afterwards.
    ranked = matched.add_columns(doc.c.kind, doc.c.slug).where(doc.c.kind.in_(types)).subquery()
    keys = [
        SortKey(ranked.c.score, descending=True),
        SortKey(ranked.c.kind),
        SortKey(ranked.c.slug),
    ]
    statement = select(ranked)
    if page.cursor:
        statement = statement.where(after(keys, decode_cursor(page.cursor, "rank", keys)))
    statement = statement.order_by(*[k.ordering() for k in keys]).limit(page.size + 1)
    rows = session.execute(statement).all()
    next_cursor = None
    if len(rows) > page.size:
        rows = rows[: page.size]
        last = rows[-1]
        next_cursor = encode_cursor("rank", [last.score, last.kind, last.slug])
    texts = {
        row.id: (row.title, row.body)
        for row in session.execute(
            select(doc.c.id, doc.c.title, doc.c.body).where(doc.c.id.in_([r.id for r in rows]))
        )
    }
    words = query.words()
    hits = [
        SearchHit(
            type=row.kind,
            slug=row.slug,
            title=texts[row.id][0],
            snippet=snippet(texts[row.id][1], words),
            rank=round(float(row.score), 6),
            url=f"/v1/{PATHS[row.kind]}/{row.slug}",
        )
        for row in rows
    ]
    return hits, next_cursor
