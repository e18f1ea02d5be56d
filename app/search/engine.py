"""The search index: Tantivy in process, built from the database's search documents for
each data version, so both back-ends rank the same documents the same way (BM25, titles
weighted above bodies, every match ranked).

An index lives in its own directory under `SEARCH_INDEX_DIR`, named after what it was
built from: the dataset's version, the rendering of the documents and `INDEX_FORMAT`.
Whoever needs it first builds it (the seed loader, the scale generator, a starting
worker) into a directory of its own and renames that into place, under a lock, so that
several processes and instances never build one index twice or read a half-built one.
"""

import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from sqlalchemy import case, func, select
from sqlmodel import Session

from app.basis.models import FieldBasis
from app.core.models import BasisLevel
from app.search.models import SearchDocument
from app.search.query import SearchQuery

# Bumped when the index's schema or its documents change without a change of data.
INDEX_FORMAT = 2
TITLE_BOOST = 4.0  # a title's words weigh four times the body's, as they always have
PHRASE_BOOST = 2.0  # the query's plain words, where they stand together as asked
_READY = "ready"  # the file that marks a directory as a whole index

# How text becomes terms: words (letters and digits), at most 40 characters, lower case,
# English stems; as Tantivy's `en_stem`, but also run here, to make the pairs.
WORDS, PAIRS = "words", "pairs"
ANALYZER = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(40))
    .filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.stemmer("english"))
    .build()
)
_PAIR_TERMS = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
_PAIR = "\u00b7"  # joins a pair's stems into one term: "maritim·secur"


def pairs(text: str) -> str:
    """The pairs of neighbouring stems of `text`, as terms separated by spaces."""
    stems = ANALYZER.analyze(text)
    return " ".join(f"{a}{_PAIR}{b}" for a, b in zip(stems, stems[1:], strict=False))


def _with_tokenizers(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(WORDS, ANALYZER)
    index.register_tokenizer(PAIRS, _PAIR_TERMS)
    return index


# Each document: its place in the canonical order (ties of score are broken by it), the
# record it is (kind, slug), how far its values rest from the text (`rests`), the words
# that are searched (`title`, `body`: normalised spelling, English stems) and the words
# that are shown (stored, not searched).
_builder = tantivy.SchemaBuilder()
_builder.add_integer_field("ordinal", stored=True, indexed=False)
_builder.add_text_field("kind", stored=True, tokenizer_name="raw")
_builder.add_text_field("slug", stored=True, tokenizer_name="raw", index_option="basic")
_builder.add_text_field("rests", tokenizer_name="raw", index_option="basic")
_builder.add_text_field("title", tokenizer_name=WORDS)
_builder.add_text_field("body", tokenizer_name=WORDS)
# Each pair of neighbouring stems, as one term ("maritim·secur"): a phrase of two words is
# one term to look up, not two lists of positions to line up (docs/performance.md).
_builder.add_text_field("title_pairs", tokenizer_name=PAIRS, index_option="freq")
_builder.add_text_field("body_pairs", tokenizer_name=PAIRS, index_option="freq")
_builder.add_bytes_field("shown_title", stored=True, indexed=False)
_builder.add_bytes_field("shown_body", stored=True, indexed=False)
SCHEMA = _builder.build()

# What each `basis=` keeps: a record whose farthest value rests at that level or nearer.
_RESTS = {
    BasisLevel.stated: ["stated"],
    BasisLevel.inferred: ["stated", "inferred"],
}


@dataclass(frozen=True)
class Hit:
    score: float
    ordinal: int
    kind: str
    slug: str
    title: str
    body: str


def index_name(version: str, rendering: str) -> str:
    """The directory name of the index of a data version as this code renders it."""
    key = f"{version}\n{rendering}\n{INDEX_FORMAT}"
    return f"{version[:24]}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def is_built(path: Path) -> bool:
    return (path / _READY).exists()


def build(session: Session, directory: Path, name: str) -> Path:
    """The index `name` under `directory`, built from the search documents `session`
    sees unless it is there already; other processes wait for one build, not repeat it."""
    target = directory / name
    if is_built(target):
        return target
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory / f".{name}.lock"):
        if is_built(target):  # built by another process while this one waited
            return target
        building = directory / f".{name}.building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir()
        index = _with_tokenizers(tantivy.Index(SCHEMA, path=str(building)))
        # One thread: the documents go in in the canonical order, the same on every build.
        writer = index.writer(heap_size=128_000_000, num_threads=1)
        for ordinal, row in enumerate(_documents(session)):
            kind, slug, title, body, title_terms, body_terms, rests = row
            writer.add_document(
                tantivy.Document(
                    ordinal=ordinal,
                    kind=kind,
                    slug=slug,
                    rests=rests,
                    title=title_terms,
                    body=body_terms,
                    title_pairs=pairs(title_terms),
                    body_pairs=pairs(body_terms),
                    shown_title=title.encode(),
                    shown_body=body.encode(),
                )  # fmt: skip
            )
        writer.commit()
        writer.wait_merging_threads()
        (building / _READY).touch()
        shutil.rmtree(target, ignore_errors=True)  # a directory left without its mark
        building.rename(target)
    return target


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _documents(session: Session) -> Iterator[tuple[Any, ...]]:
    """Every search document with how far its record's values rest from the text, in
    the canonical order: kind, then slug, compared byte by byte on both back-ends."""
    doc = SearchDocument.__table__  # type: ignore[attr-defined]
    basis = FieldBasis.__table__  # type: ignore[attr-defined]
    level = case((basis.c.basis == "external", 2), (basis.c.basis == "inferred", 1), else_=0)
    farthest = (
        select(basis.c.kind, basis.c.record_id, func.max(level).label("level"))
        .group_by(basis.c.kind, basis.c.record_id)
        .subquery()
    )
    binary = "C" if session.get_bind().dialect.name == "postgresql" else "BINARY"
    query = (
        select(
            doc.c.kind,
            doc.c.slug,
            doc.c.title,
            doc.c.body,
            doc.c.title_terms,
            doc.c.body_terms,
            func.coalesce(farthest.c.level, 0),
        )  # fmt: skip
        .outerjoin(
            farthest,
            (farthest.c.kind == doc.c.kind) & (farthest.c.record_id == doc.c.record_id),
        )
        .order_by(doc.c.kind.collate(binary), doc.c.slug.collate(binary))
    )
    names = ("stated", "inferred", "external")
    for row in session.execute(query, execution_options={"yield_per": 2000}):
        yield (*row[:6], names[row[6]])


def _hit(score: float, ordinal: int, stored: Any) -> Hit:
    """A hit from its stored fields (read once, for its ordinal: its words come with it)."""
    return Hit(
        score=score, ordinal=ordinal, kind=stored["kind"][0], slug=stored["slug"][0],
        title=bytes(stored["shown_title"][0]).decode(),
        body=bytes(stored["shown_body"][0]).decode(),
    )  # fmt: skip


class SearchIndex:
    """One built index, opened for searching (its files are mapped, not read)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index = _with_tokenizers(tantivy.Index.open(str(path)))
        self.searcher = self.index.searcher()

    def search(
        self, query: SearchQuery, *, kinds: list[str] | None, basis: BasisLevel | None,
        limit: int, after: tuple[float, int] | None,
    ) -> tuple[list[Hit], bool]:  # fmt: skip
        """Up to `limit` hits after `after` (a hit's score and ordinal), best first and
        ties in the canonical order; and whether more follow."""
        searched = self._query(query, kinds, basis)
        wanted = limit + 1
        # A margin beyond the page, so that a run of equal scores at its end (common in
        # generated data) seldom needs a second search.
        fetch = 2 * wanted + 16
        while True:
            found = self.searcher.search(searched, fetch, count=False).hits
            # A hit scoring above the cursor's comes before it: no need to read its ordinal.
            ranked = sorted(
                (
                    (score, int(stored["ordinal"][0]), stored)
                    for score, address in found
                    if after is None or score <= after[0]
                    for stored in [self.searcher.doc(address)]
                ),
                key=lambda hit: (-hit[0], hit[1]),
            )
            if after is not None:
                ranked = [h for h in ranked if (-h[0], h[1]) > (-after[0], after[1])]
            exhausted = len(found) < fetch
            # Done when every hit not fetched scores below the last one needed (a hit of
            # the same score might come before it in the canonical order).
            lowest = min((score for score, _ in found), default=0.0)
            if exhausted or (len(ranked) >= wanted and ranked[wanted - 1][0] > lowest):
                break
            fetch *= 4
        page = [_hit(score, ordinal, stored) for score, ordinal, stored in ranked[:limit]]
        return page, len(ranked) > limit

    def _query(
        self, query: SearchQuery, kinds: list[str] | None, basis: BasisLevel | None
    ) -> tantivy.Query:
        """Each clause required (or excluded), its alternatives any; a word is its stem in
        a title (weighing TITLE_BOOST) or a body, a phrase its pairs (and, of three words
        or more, the phrase itself, to be exact); the query's plain words standing
        together as asked count once more, by their pairs."""
        occur, query_ = tantivy.Occur, tantivy.Query
        clauses = []
        for clause in query.clauses:
            either = query_.boolean_query(
                [(occur.Should, self._words(words)) for words in clause.alternatives]
            )
            clauses.append((occur.MustNot if clause.negated else occur.Must, either))
        plain = [
            c.alternatives[0][0]
            for c in query.clauses
            if not c.negated and len(c.alternatives) == 1 and len(c.alternatives[0]) == 1
        ]
        together = pairs(" ".join(plain)).split()
        if together:
            bonus = query_.boolean_query([(occur.Should, self._pair(p)) for p in together])
            clauses.append((occur.Should, query_.boost_query(bonus, PHRASE_BOOST)))
        for field, values in (("kind", kinds), ("rests", _RESTS.get(basis) if basis else None)):
            if values is not None:  # a filter: it decides what matches, not how well
                chosen = query_.term_set_query(SCHEMA, field, values)
                clauses.append((occur.Must, query_.const_score_query(chosen, 0.0)))
        return query_.boolean_query(clauses)

    def _words(self, words: list[str]) -> tantivy.Query:
        occur, query_ = tantivy.Occur, tantivy.Query
        stems: list[str | tuple[int, str]] = list(ANALYZER.analyze(" ".join(words)))
        if len(stems) == 1:
            return _either("title", "body", str(stems[0]))
        needed = [(occur.Must, self._pair(p)) for p in pairs(" ".join(words)).split()]
        if len(stems) > 2:  # pairs may each occur apart: the phrase itself decides
            exact = query_.boolean_query(
                [(occur.Should, query_.phrase_query(SCHEMA, f, stems)) for f in ("title", "body")]
            )
            needed.append((occur.Must, query_.const_score_query(exact, 0.0)))
        return query_.boolean_query(needed)

    @staticmethod
    def _pair(pair: str) -> tantivy.Query:
        return _either("title_pairs", "body_pairs", pair)


def _either(title: str, body: str, term: str) -> tantivy.Query:
    """`term` in the title (weighing TITLE_BOOST) or the body."""
    occur, query_ = tantivy.Occur, tantivy.Query
    in_title = query_.boost_query(query_.term_query(SCHEMA, title, term), TITLE_BOOST)
    in_body = query_.term_query(SCHEMA, body, term)
    return query_.boolean_query([(occur.Should, in_title), (occur.Should, in_body)])
