"""How the search index scores a query: the exact Tantivy query, which says what matches
and ranks it, and its bound, a plain disjunction of the same terms that scores every match
at least as high and that Tantivy scans in one pass over their postings, cheaper than the
exact query's intersection of unions (it prunes neither: docs/performance.md)."""

from collections.abc import Callable, Collection
from typing import Any

import tantivy

from app.core.models import BasisLevel
from app.search.query import SearchQuery
from app.search.schema import ANALYZER, PHRASE_BOOST, SCHEMA, TITLE_BOOST, pairs

# The share of the documents a query's matches must exceed for the bound to pay.
BOUND_ABOVE = 0.2
# The share of the documents a term must be in to be left out of the bound (`dense`).
DENSE_ABOVE = 0.5

Term = tuple[str, str]  # (field, term)

# What each `basis=` keeps: a record whose farthest value rests at that level or nearer.
_RESTS = {
    BasisLevel.stated: ["stated"],
    BasisLevel.inferred: ["stated", "inferred"],
}


def exact(query: SearchQuery, kinds: list[str] | None, basis: BasisLevel | None) -> tantivy.Query:
    """Each clause required (or excluded), its alternatives any; a word is its stem in
    a title (weighing TITLE_BOOST) or a body, a phrase its pairs (and, of three words
    or more, the phrase itself, to be exact); the query's plain words standing
    together as asked count once more, by their pairs."""
    occur, query_ = tantivy.Occur, tantivy.Query
    clauses = []
    for clause in query.clauses:
        either = query_.boolean_query(
            [(occur.Should, _words(words)) for words in clause.alternatives]
        )
        clauses.append((occur.MustNot if clause.negated else occur.Must, either))
    together = _together(query)
    if together:
        bonus = query_.boolean_query([(occur.Should, _pair(p)) for p in together])
        clauses.append((occur.Should, query_.boost_query(bonus, PHRASE_BOOST)))
    clauses += _filters(kinds, basis)
    return query_.boolean_query(clauses)


def bound(terms: dict[Term, float]) -> tantivy.Query:
    """The terms of a bound (`bound_terms`, or some of them), each weighted, in one
    disjunction."""
    return _weighted(terms, tantivy.Occur.Should)


def every(terms: dict[Term, float]) -> tantivy.Query:
    """The documents holding every one of these terms, scored as `bound` scores them."""
    return _weighted(terms, tantivy.Occur.Must)


def _weighted(terms: dict[Term, float], occur: tantivy.Occur) -> tantivy.Query:
    query_ = tantivy.Query
    return query_.boolean_query(
        [
            (occur, query_.boost_query(query_.term_query(SCHEMA, f, t), w))
            for (f, t), w in terms.items()
        ]
    )


def bound_terms(query: SearchQuery) -> dict[Term, float]:
    """Every term the exact query scores, each weighted by all the boosts it gets there:
    in one disjunction (`bound`), a score never below the exact one. (Filters and
    exclusions are left to the exact ranking, which the bound's best documents go
    through.)"""
    weights: dict[Term, float] = {}

    def add(title: str, body: str, term: str, boost: float) -> None:
        for field, weight in ((title, TITLE_BOOST * boost), (body, boost)):
            weights[field, term] = weights.get((field, term), 0.0) + weight

    for clause in query.clauses:
        for words in [] if clause.negated else clause.alternatives:
            for title, body, term in _scored_terms(words):
                add(title, body, term, 1.0)
    for pair in _together(query):
        add("title_pairs", "body_pairs", pair, PHRASE_BOOST)
    return weights


def dense(
    terms: Collection[Term], doc_freq: Callable[[str, str], int], documents: int
) -> set[Term]:
    """The terms of a bound worth leaving out of it: those in more than DENSE_ABOVE of the
    documents, which cost the most to score and add the least (a common word's BM25 is
    low), unless no other term would remain."""
    common = {(f, t) for f, t in terms if doc_freq(f, t) > DENSE_ABOVE * documents}
    return common if len(common) < len(terms) else set()


def bound_pays(
    query: SearchQuery, kinds: list[str] | None, basis: BasisLevel | None,
    doc_freq: Callable[[str, str], int], documents: int,
) -> bool:  # fmt: skip
    """Whether ranking through the bound is likely to cost less than ranking every match
    (measured: docs/performance.md). It does when the matches are many: more than
    BOUND_ABOVE of the documents hold the rarest required clause (a word's documents,
    counted in its title and its body; a phrase's, its rarest pair's) and the filters keep
    as many. It does not when the bound's best documents are likely not to match: an
    exclusion that removes as many, or an alternative phrase of three words or more, whose
    pairs the bound counts wherever they stand."""

    def held(words: list[str]) -> int:
        terms = _scored_terms(words)
        return min((doc_freq(title, t) + doc_freq(body, t) for title, body, t in terms), default=0)

    many = BOUND_ABOVE * documents
    sizes = [(c.negated, sum(held(words) for words in c.alternatives)) for c in query.clauses]
    required = [n for negated, n in sizes if not negated]
    excluded = [n for negated, n in sizes if negated]
    required += [sum(doc_freq(f, v) for v in values) for f, values in _filtering(kinds, basis)]
    loose = any(
        len(clause.alternatives) > 1 and len(_stems(words)) > 2
        for clause in query.clauses
        for words in clause.alternatives
    )
    return min(required, default=0) > many and not any(n > many for n in excluded) and not loose


def bound_is_exact(query: SearchQuery, kinds: list[str] | None, basis: BasisLevel | None) -> bool:
    """Whether the bound matches and scores exactly as the exact query does: one word or
    one two-word phrase alone, with no filter (two terms, a stem or a pair in the title
    and in the body, whose sum is the same in either order)."""
    if len(query.clauses) != 1 or _filtering(kinds, basis):
        return False
    (clause,) = query.clauses
    words = clause.alternatives[0]
    return not clause.negated and len(clause.alternatives) == 1 and len(_stems(words)) in (1, 2)


def _filtering(kinds: list[str] | None, basis: BasisLevel | None) -> list[tuple[str, list[str]]]:
    """The fields `type=` and `basis=` filter on, with the values each keeps."""
    chosen = (("kind", kinds), ("rests", _RESTS.get(basis) if basis else None))
    return [(field, values) for field, values in chosen if values is not None]


def _stems(words: list[str]) -> list[str]:
    return list(ANALYZER.analyze(" ".join(words)))


def _scored_terms(words: list[str]) -> list[tuple[str, str, str]]:
    """The terms a word or phrase is scored by: (title field, body field, term)."""
    stems = _stems(words)
    if len(stems) == 1:
        return [("title", "body", str(stems[0]))]
    return [("title_pairs", "body_pairs", p) for p in pairs(" ".join(words)).split()]


def _together(query: SearchQuery) -> list[str]:
    """The pairs of the query's plain words (unquoted, not excluded, not alternatives)."""
    plain = [
        c.alternatives[0][0]
        for c in query.clauses
        if not c.negated and len(c.alternatives) == 1 and len(c.alternatives[0]) == 1
    ]
    return pairs(" ".join(plain)).split()


def _pair(pair: str) -> tantivy.Query:
    return _either("title_pairs", "body_pairs", pair)


def _either(title: str, body: str, term: str) -> tantivy.Query:
    """`term` in the title (weighing TITLE_BOOST) or the body."""
    occur, query_ = tantivy.Occur, tantivy.Query
    in_title = query_.boost_query(query_.term_query(SCHEMA, title, term), TITLE_BOOST)
    in_body = query_.term_query(SCHEMA, body, term)
    return query_.boolean_query([(occur.Should, in_title), (occur.Should, in_body)])


def _filters(kinds: list[str] | None, basis: BasisLevel | None) -> list[tuple[Any, Any]]:
    """`type=` and `basis=` as required clauses: they decide what matches, not how
    well. One value is a term, which a search steps through beside the query's own
    terms; a term set first marks every document of its values (a million for
    `type=events` at 1M), which cost more than the search itself (docs/performance.md)."""
    query_ = tantivy.Query
    return [
        (
            tantivy.Occur.Must,
            query_.const_score_query(
                query_.term_query(SCHEMA, field, values[0])
                if len(values) == 1
                else query_.term_set_query(SCHEMA, field, values),
                0.0,
            ),
        )
        for field, values in _filtering(kinds, basis)
    ]


def _words(words: list[str]) -> tantivy.Query:
    """A word, or a phrase: all its pairs (and, of three words or more, the phrase
    itself: its pairs may each occur apart)."""
    occur, query_ = tantivy.Occur, tantivy.Query
    terms = [_either(*t) for t in _scored_terms(words)]
    stems: list[str | tuple[int, str]] = [*_stems(words)]
    if len(stems) == 1:
        return terms[0]
    needed = [(occur.Must, t) for t in terms]
    if len(stems) > 2:
        whole = query_.boolean_query(
            [(occur.Should, query_.phrase_query(SCHEMA, f, stems)) for f in ("title", "body")]
        )
        needed.append((occur.Must, query_.const_score_query(whole, 0.0)))
    return query_.boolean_query(needed)
