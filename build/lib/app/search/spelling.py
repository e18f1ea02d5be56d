"""One spelling for search: the documents mix British and American forms.

Both the indexed text and every query pass through `normalise`, so `cyber defense`
finds "cyber defence" on SQLite and PostgreSQL alike, whatever their stemmers do.
"""

import re

# American (or run-together) form → the form the index holds. Built from the variants
# that occur in the source documents, plus their common inflections.
_VARIANTS = {
    "defense": "defence",
    "defenses": "defences",
    "cyberdefense": "cyber defence",
    "cyberdefence": "cyber defence",
    "program": "programme",
    "programs": "programmes",
    "center": "centre",
    "centers": "centres",
    "organization": "organisation",
    "organizations": "organisation",
    "organize": "organise",
    "organizing": "organising",
    "organized": "organised",
    "stabilize": "stabilise",
    "stabilizing": "stabilising",
    "mobilize": "mobilise",
    "mobilized": "mobilised",
    "marginalized": "marginalised",
    "signaled": "signalled",
    "emphasized": "emphasised",
    "recognizing": "recognising",
    "recognized": "recognised",
    "globalization": "globalisation",
    "personalized": "personalised",
    "antipiracy": "anti piracy",
    "counterterrorism": "counter terrorism",
    "nonproliferation": "non proliferation",
}
_LETTERS = re.compile(r"[A-Za-z]+")  # where a variant can be
# A word as FTS5's tokenizer sees one (letters and digits, in any script): the index, the
# queries and the snippets all cut text into these.
WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Rewrite American spellings to British ones; everything else is left as it is."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return _VARIANTS.get(word.lower(), word)

    return _LETTERS.sub(swap, text)
