"""The bound that lets a search skip most of its matches (app/search/scoring.py): every
document the exact query matches, the bound matches too, and scores at least as high.
The ranking's exactness rests on it (app/search/ranking.py)."""

from collections.abc import Iterator

import pytest
import tantivy

from app.search import scoring
from app.search.building import document
from app.search.query import parse
from app.search.ranking import SearchIndex
from app.search.schema import SCHEMA, with_tokenizers
from bench.scale.loader import load

# Every shape the query syntax has: words, phrases of two and of more words (with a
# stopword inside), alternatives (of words and of phrases), repeated words, a phrase with
# its own words beside it, exclusions, a word too long to index.
SHAPES = [
    "maritime security", "cyber", '"cyber defence"', '"women peace and security"',
    '"training and education programs"', "cyber OR tokyo", 'cyber OR "maritime security japan"',
    '"disaster relief" OR "humanitarian assistance"', "security security", "japan japan japan",
    '"maritime security" maritime security', "exercise -baltic", "security -maritime",
    "training OR exercise -tokyo", "x" * 45 + " cyber",
]  # fmt: skip


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = tmp_path_factory.mktemp("scoring")
    load(f"sqlite:///{folder}/data.db", events=1500, seed=11, search_index_dir=folder / "search")
    (built,) = (p for p in (folder / "search").iterdir() if not p.name.startswith("."))
    yield SearchIndex(built)


def scores(index: SearchIndex, query: object) -> dict[tuple[int, int], float]:
    everything = index.searcher.num_docs
    hits = index.searcher.search(query, everything, count=False).hits
    return {(a.segment_ord, a.doc): score for score, a in hits}


@pytest.mark.parametrize("q", SHAPES)
def test_the_bound_matches_every_match_and_scores_it_at_least_as_high(index: SearchIndex, q: str):
    query = parse(q)
    exact = scores(index, scoring.exact(query, None, None))
    bound = scores(index, scoring.bound(scoring.bound_terms(query)))
    assert exact.keys() <= bound.keys()
    # float32 sums of the same terms in another order: within a relative 1e-6
    assert all(bound[doc] >= score * (1 - 1e-6) for doc, score in exact.items())
    if not q.startswith("x"):
        assert exact, f"{q!r} matches nothing: it tests nothing"


def test_a_bound_is_looser_where_alternative_phrases_stand_apart(index: SearchIndex):
    """Why such queries are ranked directly (scoring.bound_pays): the bound counts the
    pairs of a long alternative phrase in documents that hold only some of them."""
    query = parse('cyber OR "maritime security japan"')
    exact = scores(index, scoring.exact(query, None, None))
    bound = scores(index, scoring.bound(scoring.bound_terms(query)))
    assert any(bound[doc] > score * 1.01 for doc, score in exact.items())


def highest(index: SearchIndex, field: str, term: str) -> float:
    """The highest score `term` reaches in `field`, from every document's."""
    return max(scores(index, tantivy.Query.term_query(SCHEMA, field, term)).values(), default=0.0)


@pytest.mark.parametrize("q", SHAPES)
def test_without_its_dense_terms_the_bound_falls_short_by_no_more_than_they_score(
    index: SearchIndex, q: str
):
    """The lighter bound the ranking uses when some terms are in most documents: every
    match scores at most its lighter bound (none, for a document it does not match) plus
    the highest score each term left out reaches anywhere."""
    query = parse(q)
    terms = scoring.bound_terms(query)
    left_out = scoring.dense(terms, index.searcher.doc_freq, index.searcher.num_docs)
    margin = sum(
        weight * highest(index, *term) for term, weight in terms.items() if term in left_out
    )
    exact = scores(index, scoring.exact(query, None, None))
    lighter = scores(index, scoring.bound({t: w for t, w in terms.items() if t not in left_out}))
    assert all(lighter.get(doc, 0.0) + margin >= score * (1 - 1e-6) for doc, score in exact.items())
    if q == "maritime security":  # the body's "security" is in most documents here
        assert left_out == {("body", "secur")} and margin > 0
        assert any(lighter.get(doc, 0.0) < score for doc, score in exact.items())


def test_a_bound_never_leaves_out_every_term(index: SearchIndex):
    terms = scoring.bound_terms(parse("security"))
    assert scoring.dense(terms, lambda field, term: 10**9, index.searcher.num_docs) == set()


def every_match_ranked(index: SearchIndex, q: str) -> list[tuple[float, int]]:
    """(score, ordinal) of every match of `q`, best first, then in the canonical order:
    the ranking a search must give, from the exact query over every document."""
    exact = scoring.exact(parse(q), None, None)
    hits = index.searcher.search(exact, index.searcher.num_docs, count=False).hits
    ordinals = index.searcher.fast_field_values("ordinal", [a for _, a in hits])
    ranked = [(score, int(o)) for (score, _), o in zip(hits, ordinals, strict=True)]  # type: ignore[arg-type]
    return sorted(ranked, key=lambda hit: (-hit[0], hit[1]))


# Words and two-word phrases alone, which a search first settles among the documents
# holding them in title and body. For some, a document holding one in its title alone
# ranks within the first pages of 200 ("security", "nato").
ALONE = ["cyber", "tokyo", "japan", "security", "summit", "exercise", "relief", "nato",
         '"cyber defence"', '"maritime security"', '"disaster relief"', "brussels"]  # fmt: skip


def first_pages(index: SearchIndex, q: str, limit: int) -> list[tuple[float, int]]:
    """(score, ordinal) of the hits of the first page and two after it, by cursor."""
    hits: list[tuple[float, int]] = []
    after = None
    for _ in range(3):
        page, more = index.search(parse(q), kinds=None, basis=None, limit=limit, after=after)
        hits += [(hit.score, hit.ordinal) for hit in page]
        if not more:
            break
        after = hits[-1]
    return hits


@pytest.mark.parametrize("q", ALONE)
@pytest.mark.parametrize("limit", [1, 3, 20, 200])
def test_pages_of_a_word_alone_are_those_of_ranking_every_match(
    index: SearchIndex, q: str, limit: int
):
    expected = every_match_ranked(index, q)
    pages = first_pages(index, q, limit)
    assert expected, f"{q!r} matches nothing: it tests nothing"
    assert pages == expected[: len(pages)]
    assert len(pages) == min(3 * limit, len(expected))


@pytest.fixture(scope="module")
def tied(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """300 documents alike, written in three segments, whose ordinals run against the
    order they were written in: every score ties, and the canonical order (by ordinal)
    is the reverse of the index's own, by which Tantivy breaks ties."""
    folder = tmp_path_factory.mktemp("tied")
    writer = with_tokenizers(tantivy.Index(SCHEMA, path=str(folder))).writer(
        heap_size=15_000_000, num_threads=1
    )
    title, body = "cyber drill", "cyber drill in tokyo"
    for written in range(300):
        ordinal = 299 - written
        writer.add_document(
            document(ordinal, "event", f"drill-{written}", title, body, title, body, "stated")
        )
        if written % 100 == 99:
            writer.commit()
    writer.wait_merging_threads()
    return SearchIndex(folder)


@pytest.mark.parametrize("q", ["cyber", '"cyber drill"', "tokyo"])
@pytest.mark.parametrize("limit", [1, 5, 20])
def test_hits_of_equal_score_come_in_the_canonical_order(tied: SearchIndex, q: str, limit: int):
    """Documents not fetched may tie with the page's last hit and come before it: a page
    of a run of equal scores is only settled once the whole run is in hand."""
    expected = every_match_ranked(tied, q)
    assert len(expected) == 300 and len({score for score, _ in expected}) == 1
    pages = first_pages(tied, q, limit)
    assert pages == expected[: 3 * limit]
    assert pages[0][1] == 0
