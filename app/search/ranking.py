"""Searching a built index: the best matches of a query, as ranking every match by BM25
would give them, the same way whichever database the index was built from."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import tantivy

from app.core.models import BasisLevel
from app.search import scoring
from app.search.query import SearchQuery
from app.search.schema import SCHEMA, with_tokenizers

_Cursor = tuple[float, int] | None
_Ranked = tuple[float, int, Any]  # score, ordinal, the document's address
_BOUND_ROUNDS = 3  # fetches of 2×(page+1)+16, ×4, ×16, before ranking every match instead
# Summed in different orders, float32 scores of the same terms differ in their last bits
# (a relative 1e-6 or so): a bound is trusted to that, with room to spare.
_ROUNDING = 1e-4
_FEW = 256  # documents looked up one term each, not through a term set (`_among`)
_HIGHEST_KEPT = 4096  # terms whose highest score an index keeps (some 200 bytes each)


@dataclass(frozen=True)
class Hit:
    score: float
    ordinal: int
    kind: str
    slug: str
    title: str
    body: str


class SearchIndex:
    """One built index, opened for searching (its files are mapped, not read)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index = with_tokenizers(tantivy.Index.open(str(path)))
        self.searcher = self.index.searcher()
        # Asked for each word searched alone: kept, but not for every word ever asked.
        self._highest: Callable[[str, str], float] = lru_cache(_HIGHEST_KEPT)(
            partial(_highest_score, self.searcher)
        )

    def search(
        self, query: SearchQuery, *, kinds: list[str] | None, basis: BasisLevel | None,
        limit: int, after: _Cursor,
    ) -> tuple[list[Hit], bool]:  # fmt: skip
        """Up to `limit` hits after `after` (a hit's score and ordinal), best first and
        ties in the canonical order; and whether more follow."""
        exact = scoring.exact(query, kinds, basis)
        wanted = limit + 1
        ranked = None
        searcher = self.searcher
        # A word or a two-word phrase alone is settled first among the documents holding
        # it in both title and body, else through its bound, which is its exact query:
        # a flat disjunction, scanned in one pass, never slower for it.
        is_exact = scoring.bound_is_exact(query, kinds, basis)
        if is_exact:
            ranked = self._in_both_fields(query, wanted, after)
        if ranked is None and (
            is_exact
            or scoring.bound_pays(query, kinds, basis, searcher.doc_freq, searcher.num_docs)
        ):
            ranked = self._through_bound(query, exact, is_exact, wanted, after)
        if ranked is None:
            ranked = self._ranked(exact, wanted, after)
        page = [self._hit(score, ordinal, address) for score, ordinal, address in ranked[:limit]]
        return page, len(ranked) > limit

    def _ranked(self, exact: tantivy.Query, wanted: int, after: _Cursor) -> list[_Ranked]:
        """The first `wanted` matches of `exact` after the cursor, found by ranking them
        all; fetched with a margin beyond the page, so that a run of equal scores at its
        end (common in generated data) seldom needs a second search."""
        fetch = 2 * wanted + 16
        while True:
            found = self.searcher.search(exact, fetch, count=False).hits
            ranked = self._after(found, after)
            # Done when every hit not fetched scores below the last one needed (a hit of
            # the same score might come before it in the canonical order).
            if len(found) < fetch or (
                len(ranked) >= wanted and ranked[wanted - 1][0] > found[-1][0]
            ):
                return ranked
            fetch *= 4

    def _through_bound(
        self, query: SearchQuery, exact: tantivy.Query, is_exact: bool, wanted: int,
        after: _Cursor,
    ) -> list[_Ranked] | None:  # fmt: skip
        """The first `wanted` matches after the cursor, found without ranking every match;
        None when a few rounds do not settle them.

        A document's exact score sums the BM25 of the query's terms where the query's
        structure lets them count (a phrase only whole, an alternative only when it
        matches); the bound sums every one of those terms it holds, so it is never lower.
        The bound is a plain disjunction of terms, which Tantivy scores in one pass over
        their postings (every document, as the exact query; but with less work for
        each, docs/performance.md). Its best documents are ranked exactly
        (the exact query, asked for those documents alone; a word or a two-word phrase
        alone needs not be: its bound is its exact query); when the last one a page needs
        outranks the bound of every document not fetched, no other can come before it.

        A term in most documents is left out of the bound (scoring.dense): its postings
        cost the most to scan and it adds the least. A document not fetched may then
        hold it, so the page must outrank the bound by the most that term scores
        anywhere."""
        terms = scoring.bound_terms(query)
        left_out = (
            set()
            if is_exact
            else scoring.dense(terms, self.searcher.doc_freq, self.searcher.num_docs)
        )
        bound = scoring.bound({t: w for t, w in terms.items() if t not in left_out})
        margin = sum(terms[t] * self._highest(*t) for t in left_out)
        fetch = 2 * wanted + 16
        for _ in range(_BOUND_ROUNDS):
            found = self.searcher.search(bound, fetch, count=False).hits
            every = len(found) < fetch  # every document the bound matches was fetched
            scored = found if is_exact or not found else self._exactly(exact, found)
            ranked = self._after(scored, after)
            if every and not margin:
                return ranked
            # What any document not fetched may score; bounds are summed in another order
            # than exact scores: a margin for rounding.
            beyond = (0.0 if every else found[-1][0]) + margin
            if len(ranked) >= wanted and ranked[wanted - 1][0] > beyond * (1 + _ROUNDING):
                return ranked
            if every:
                return None
            fetch *= 4
        return None

    def _in_both_fields(
        self, query: SearchQuery, wanted: int, after: _Cursor
    ) -> list[_Ranked] | None:
        """For a word or a two-word phrase alone: the first `wanted` matches after the
        cursor, found among the documents that hold it in their title and their body;
        None when those do not settle the page.

        Those documents are an intersection of two terms' postings, which Tantivy steps
        through without scoring what only one of them holds; each scores the sum of the
        two terms, as it does in the exact query. A document that holds only one scores
        at most that term's highest score (times its weight): when the page's last hit
        scores above both, no such document can come before it."""
        terms = scoring.bound_terms(query)
        alone = max(weight * self._highest(*term) for term, weight in terms.items())
        fetch = 2 * wanted + 16
        found = self.searcher.search(scoring.every(terms), fetch, count=False).hits
        ranked = self._after(found, after)
        if len(ranked) < wanted:
            return None
        last = ranked[wanted - 1][0]
        unfetched = 0.0 if len(found) < fetch else found[-1][0]
        return ranked if last > max(alone * (1 + _ROUNDING), unfetched) else None

    def _exactly(self, exact: tantivy.Query, found: list[tuple[float, Any]]) -> list[Any]:
        """Those of `found` that `exact` matches, with their exact scores."""
        ordinals = self.searcher.fast_field_values("ordinal", [a for _, a in found])
        only = _among(ordinals)
        scored = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, exact),
            (tantivy.Occur.Must, tantivy.Query.const_score_query(only, 0.0)),
        ])  # fmt: skip
        return self.searcher.search(scored, len(found), count=False).hits

    def _after(self, found: list[tuple[float, Any]], after: _Cursor) -> list[_Ranked]:
        """`found` in the service's order (best first, then the canonical order), less
        the hits up to the cursor."""
        ordinals = self.searcher.fast_field_values("ordinal", [a for _, a in found])
        ranked = sorted(
            (
                (score, int(ordinal), address)  # type: ignore[arg-type]
                for (score, address), ordinal in zip(found, ordinals, strict=True)
            ),
            key=lambda hit: (-hit[0], hit[1]),
        )
        if after is not None:
            ranked = [h for h in ranked if (-h[0], h[1]) > (-after[0], after[1])]
        return ranked

    def _hit(self, score: float, ordinal: int, address: Any) -> Hit:
        stored = self.searcher.doc(address)
        return Hit(
            score=score, ordinal=ordinal, kind=stored["kind"][0], slug=stored["slug"][0],
            title=bytes(stored["shown_title"][0]).decode(),
            body=bytes(stored["shown_body"][0]).decode(),
        )  # fmt: skip


def _among(ordinals: list[Any]) -> tantivy.Query:
    """The documents of these ordinals. Up to _FEW, as a disjunction of one term each:
    measured at 1M, 58 documents' exact ranking took 0.30 ms so and 0.55 ms through a
    term set, 232 took 0.89 against 1.40; from 928 the term set was the faster."""
    if len(ordinals) > _FEW:
        return tantivy.Query.term_set_query(SCHEMA, "ordinal", ordinals)
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(SCHEMA, "ordinal", o)) for o in ordinals]
    )


def _highest_score(searcher: tantivy.Searcher, field: str, term: str) -> float:
    """The highest score `term` reaches in `field`, found by searching for it alone."""
    hits = searcher.search(tantivy.Query.term_query(SCHEMA, field, term), 1, count=False).hits
    return float(hits[0][0]) if hits else 0.0
