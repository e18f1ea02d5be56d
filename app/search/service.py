"""Full-text search: FTS5 on SQLite, tsvector with websearch_to_tsquery on PostgreSQL."""

from typing import Any

from sqlalchemy import Double, Select, cast, func, literal_column, select, text
from sqlmodel import Session

from app.basis.models import FieldBasis
from app.basis.service import ACCEPTED
from app.core.models import BasisLevel
from app.core.orders import Order, SortKey, decode_cursor, encode_cursor
from app.query.lists import after
from app.search.models import SearchDocument, SearchHit
from app.search.query import SearchQuery, parse
from app.search.snippet import snippet


def _matching(
    session: Session, query: SearchQuery, types: list[str] | None = None
) -> tuple[Select[Any], Any]:
    """`(id, score)` of the documents that match (score: higher is better), of `types`
    only when given, and the id column the back-end walks them by.

    On SQLite the id is FTS5's rowid, which answers ranges and order without a sort, and
    the wide `search_document` table is joined only to filter by type.
    """
    doc = SearchDocument.__table__
    if session.get_bind().dialect.name == "sqlite":
        key: Any = literal_column("search_fts.rowid")
        # bm25() is lower-is-better; titles weigh four times the body.
        score = (-func.bm25(literal_column("search_fts"), 4.0, 1.0, type_=Double)).label("score")
        matched = (
            select(key.label("id"), score)
            .select_from(text("search_fts"))
            .where(text("search_fts MATCH :fts").bindparams(fts=query.to_fts5()))
        )
        if types is not None:
            matched = matched.join(doc, doc.c.id == key).where(doc.c.kind.in_(types))
        return matched, key
    key = doc.c.id
    tsquery = func.websearch_to_tsquery(text("'english'"), query.to_websearch())
    # ts_rank_cd is a float4: as a float8 it survives the cursor's round trip exactly,
    # so the next page starts strictly after the last hit instead of repeating ties.
    rank = func.ts_rank_cd(literal_column("search_document.tsv"), tsquery)
    score = cast(rank, Double).label("score")
    matched = select(key, score).where(literal_column("search_document.tsv").op("@@")(tsquery))
    if types is not None:
        matched = matched.where(doc.c.kind.in_(types))
    return matched, key


def matching_record_ids(session: Session, kind: str, q: str) -> Select[Any]:
    """A subquery of the ids of `kind` records matching `q`, for a list's `q=` filter."""
    query = parse(q)
    doc = SearchDocument.__table__
    if query.empty:
        return select(doc.c.record_id).where(doc.c.id.is_(None))
    matched, key = _matching(session, query)
    ids = matched.with_only_columns(key).scalar_subquery()
    return select(doc.c.record_id).where(doc.c.kind == kind, doc.c.id.in_(ids))


def _beyond_window(
    session: Session, query: SearchQuery, types: list[str] | None, window: int
) -> bool:
    """Whether more than `window` documents match: a walk down the ids that scores none."""
    matched, key = _matching(session, query, types)
    statement = matched.with_only_columns(key).order_by(key.desc()).offset(window).limit(1)
    return session.execute(statement).first() is not None


def search(
    session: Session, *, q: str, types: list[str], paths: dict[str, str], limit: int,
    cursor: str | None, basis: BasisLevel | None = None, window: int = 0,
) -> tuple[list[SearchHit], str | None, int | None]:  # fmt: skip
    """Ranked hits across the resources of `types` (their kinds), with highlighted
    snippets, the next page's cursor, and the ranking window when it applied (None when
    every match was ranked). `paths` names where each kind is served, `/v1/{path}`.

    Ranking scores every match before the best are known: a phrase found in a fifth of
    a million documents costs half a second. So with `window` > 0, a query matching more
    documents than that ranks only the `window` indexed last, and says so.
    Both back-ends find those by walking the ids backwards (FTS5's rowid order; the
    primary key on PostgreSQL), stopping after `window`. Equal scores are ordered by
    document id, so the cursor is `(score, id)`.
    """
    query = parse(q)
    if query.empty:  # nothing to search for; a cursor is still checked, as everywhere
        if cursor:
            decode_cursor(cursor, _by_rank(literal_column("score", Double), SearchDocument.id))
        return [], None, None
    doc = SearchDocument.__table__
    wanted = None if set(types) >= set(paths) else types  # every type: no filter
    matched, key = _matching(session, query, wanted)
    if basis is not None and basis is not BasisLevel.external:
        matched = matched.where(key.not_in(_resting_farther(basis)))
    windowed = window > 0 and _beyond_window(session, query, wanted, window)
    if windowed:
        matched = matched.order_by(key.desc()).limit(window)
    # Rank on (id, score) only: every candidate is scored and sorted, so carrying each
    # one's type, slug, title and body through the sort would cost more than the ranking.
    # The page's few hits fetch theirs afterwards.
    ranked = matched.subquery()
    order = _by_rank(ranked.c.score, ranked.c.id)
    statement = select(ranked)
    if cursor:
        statement = statement.where(after(order.keys, decode_cursor(cursor, order)))
    statement = statement.order_by(*[k.ordering() for k in order.keys]).limit(limit + 1)
    rows = session.execute(statement).all()
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor("rank", [rows[-1].score, rows[-1].id])
    columns = (doc.c.id, doc.c.kind, doc.c.slug, doc.c.title, doc.c.body)
    found = {
        row.id: row
        for row in session.execute(select(*columns).where(doc.c.id.in_([r.id for r in rows])))
    }
    words = query.words()
    hits = []
    for row in rows:
        hit = found[row.id]
        hits.append(
            SearchHit(
                type=hit.kind,
                slug=hit.slug,
                title=hit.title,
                snippet=snippet(hit.body, words),
                rank=round(float(row.score), 6),
                url=f"/v1/{paths[hit.kind]}/{hit.slug}",
            )
        )
    return hits, next_cursor, window if windowed else None


def _resting_farther(level: BasisLevel) -> Select[Any]:
    """The documents of records with a value farther from the text than `level`."""
    doc, basis = SearchDocument.__table__, FieldBasis.__table__  # Core: FTS5 is a text FROM
    return (
        select(doc.c.id)
        .join(basis, (basis.c.kind == doc.c.kind) & (basis.c.record_id == doc.c.record_id))
        .where(basis.c.basis.not_in(ACCEPTED[level]))
    )


def _by_rank(score: Any, document_id: Any) -> Order:
    """Best hits first, then by document id: a cursor carries `(score, id)`."""
    return Order((SortKey(score, descending=True), SortKey(document_id)), "rank")
