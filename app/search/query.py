"""Web-search query syntax, parsed once: rendered for FTS5 or PostgreSQL, or read by the
search index (app/search/scoring.py).

Supported, as in web search engines: words (all must match),
"quoted phrases", `OR` between alternatives, and `-word` to exclude.
"""

import re
from dataclasses import dataclass, field

from app.search.spelling import WORD, normalise

# English function words, dropped as PostgreSQL's `english` configuration drops them, so
# that FTS5 (which keeps every word) answers the same.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with you your
    yours yourself yourselves""".split()
)
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


@dataclass
class Clause:
    """Alternatives joined by OR; each alternative is a phrase (a list of words)."""

    alternatives: list[list[str]] = field(default_factory=list)
    negated: bool = False


@dataclass
class SearchQuery:
    clauses: list[Clause]

    @property
    def empty(self) -> bool:
        return not any(not c.negated for c in self.clauses)

    def words(self) -> list[str]:
        """Every positive word, for highlighting."""
        return [
            w
            for c in self.clauses
            if not c.negated
            for a in c.alternatives
            for w in a
            if w not in STOPWORDS
        ]

    def to_fts5(self) -> str:
        """An FTS5 MATCH expression; every word is quoted, so no input is a syntax error."""
        positive = [c for c in self.clauses if not c.negated]
        expr = " AND ".join(_fts5_clause(c) for c in positive)
        for clause in self.clauses:
            if clause.negated:
                expr += " NOT " + _fts5_clause(clause)
        return expr

    def to_tsquery(self) -> str:
        """The same query in `to_tsquery` syntax, its grouping explicit: each clause's
        alternatives (`|`, a phrase's words `<->`) in parentheses, clauses joined by `&`,
        exclusions by `!`. (`websearch_to_tsquery` would read "a or b -c" as a | (b & !c).)"""
        parts = []
        for clause in self.clauses:
            alternatives = " | ".join("(" + " <-> ".join(a) + ")" for a in clause.alternatives)
            parts.append(("!" if clause.negated else "") + "(" + alternatives + ")")
        return " & ".join(parts)


def parse(text: str) -> SearchQuery:
    clauses: list[Clause] = []
    pending_or = False
    for token in _TOKEN.findall(text):
        if token.upper() == "OR":
            pending_or = bool(clauses)
            continue
        negated = token.startswith("-") and len(token) > 1
        # Normalised per token, so "counterterrorism" is the phrase "counter terrorism".
        words = [w.lower() for w in WORD.findall(normalise(token))]
        # A stopword inside a phrase keeps its place ("weapons of mass destruction");
        # at either end, or as a word on its own, it is dropped as PostgreSQL drops it.
        while words and words[0] in STOPWORDS:
            words.pop(0)
        while words and words[-1] in STOPWORDS:
            words.pop()
        if not words:
            continue
        # A quoted phrase, or a token such as "counter-terrorism", must match as a phrase.
        if pending_or and not negated and not clauses[-1].negated:
            clauses[-1].alternatives.append(words)
        else:
            clauses.append(Clause(alternatives=[words], negated=negated))
        pending_or = False
    return SearchQuery(clauses)


def _fts5_clause(clause: Clause) -> str:
    alternatives = ['"' + " ".join(words) + '"' for words in clause.alternatives]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
