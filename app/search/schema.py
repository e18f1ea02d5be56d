"""What the search index holds, and how text becomes its terms: words (letters and
digits, at most 40 characters, lower case, English stems) and pairs of neighbouring stems.
"""

import tantivy

TITLE_BOOST = 4.0  # a title's words weigh four times the body's, as they always have
PHRASE_BOOST = 2.0  # the query's plain words, where they stand together as asked

# As Tantivy's `en_stem`, but also run here, to make the pairs.
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


def with_tokenizers(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(WORDS, ANALYZER)
    index.register_tokenizer(PAIRS, _PAIR_TERMS)
    return index


# Each document: its place in the canonical order (ties of score are broken by it), the
# record it is (kind, slug), how far its values rest from the text (`rests`), the words
# that are searched (`title`, `body`: normalised spelling, English stems) and the words
# that are shown (stored, not searched).
_builder = tantivy.SchemaBuilder()
# The ordinal is a fast field (a column read without opening the stored document) and a
# term, so that a search can ask for the exact ranks of a few documents by ordinal.
_builder.add_integer_field("ordinal", indexed=True, fast=True)
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
