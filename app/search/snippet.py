"""Highlighted snippets, cut from the original text the same way whatever the back-end."""

import html
from collections.abc import Callable
from functools import lru_cache

from app.search.spelling import WORD, normalise

_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s", "y")


def stem(word: str) -> str:
    """A crude stem, enough to match `piracy` with `piracies` when highlighting."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    """A word's stems in normalised spelling; kept per word, since a page's bodies repeat
    their words (highlighting cost more than the search itself: docs/performance.md)."""
    return tuple(stem(part) for part in WORD.findall(normalise(word)))


def _matcher(words: list[str]) -> Callable[[str], bool]:
    """Whether a word of a text matches one of `words`: by stem, in normalised spelling;
    each word of the page's texts is judged once."""
    stems = {stem(w) for w in words}
    known: dict[str, bool] = {}

    def matches(word: str) -> bool:
        found = known.get(word)
        if found is None:
            found = known[word] = any(part in stems for part in _stems(word))
        return found

    return matches


def _passage(text: str, matches: Callable[[str], bool]) -> str:
    """The line of a search body to quote: the first sentence-like line with a match.

    A body is the record's own text first (summary, description, the quoted words), then
    lines added for finding it (aliases, names of linked records); a snippet reads best cut
    from the former.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    first = None
    for line in lines:  # read only as far as the line it quotes
        if any(map(matches, WORD.findall(line))):
            if len(line) >= 40:
                return line
            first = first or line
    return first or (lines[0] if lines else "")


def snippets(texts: list[str], words: list[str], width: int = 180) -> list[str]:
    """For each text, a passage around its first match, with matches in <mark>…</mark>."""
    matches = _matcher(words)
    return [_snippet(_passage(text, matches), matches, width) for text in texts]


def _snippet(text: str, matches: Callable[[str], bool], width: int) -> str:
    spans = [m.span() for m in WORD.finditer(text) if matches(m.group(0))]
    if spans:
        first = spans[0][0]
        start = max(0, first - width // 3)
        if start:
            start = text.rfind(" ", 0, start) + 1
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    out, at = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(html.escape(text[at:a]))
        out.append("<mark>" + html.escape(text[a:b]) + "</mark>")
        at = b
    out.append(html.escape(text[at:end]))
    body = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
