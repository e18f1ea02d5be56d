"""Highlighted snippets, cut from the original text the same way whatever the back-end."""

import html
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


def _matches(word: str, stems: set[str]) -> bool:
    return any(part in stems for part in _stems(word))


def _passage(text: str, stems: set[str]) -> str:
    """The line of a search body to quote: the first sentence-like line with a match.

    A body is the record's own text first (summary, description, the quoted words), then
    lines added for finding it (aliases, names of linked records); a snippet reads best cut
    from the former.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    first = None
    for line in lines:  # read only as far as the line it quotes
        if any(_matches(m.group(0), stems) for m in WORD.finditer(line)):
            if len(line) >= 40:
                return line
            first = first or line
    return first or (lines[0] if lines else "")


def snippet(text: str, words: list[str], width: int = 180) -> str:
    """A passage of `text` around the first match, with matches in <mark>…</mark>."""
    stems = {stem(w) for w in words}
    text = _passage(text, stems)
    spans = [m.span() for m in WORD.finditer(text) if _matches(m.group(0), stems)]
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
