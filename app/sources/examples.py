"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "blog-2014-05-07-ipcp-signing",
    "title": "Japan, NATO agree to work closer, sign partnership program",
    "publisher": None,
    "published": "2014-05-07",
    "kind": "blog_repost",
    "file_name": "001_cf7b80114048b85a.txt",
    "url": None,
    "sha256": "060b08c1d8eb7ee08db4624a3b585599a22d54ea370e310420d906ad9e27e39e",
    "length": 2492,
    "citation_count": 52,
}
