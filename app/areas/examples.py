"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "cyber-defence",
    "name": "Cyber defence",
    "aliases": ["cyber defence", "cyber defense"],
    "description": "Protection against cyber attacks, including cooperation between cyber "
    "defence units, participation in NATO cyber exercises and in the Tallinn "
    "cyber defence centre of excellence. Japan's leading interest in the 2013 "
    "follow-up talks.",
    "parent": {"slug": "emerging-security-challenges", "name": "Emerging security challenges"},
    "children": [],
    "counts": {"events": 10, "programmes": 3, "quotes": 3},
    "citations": [
        {
            "source": "nato-news-2013-07-04-emerging-security-challenges",
            "evidence": "the leading interest for future cooperation was focused on "
            "the global security issue of cyber defence",
            "start": 3222,
            "end": 3323,
        },
        {
            "source": "blog-2014-05-07-ipcp-signing",
            "evidence": "maritime security and cyber defense and humanitarian operations",
            "start": 214,
            "end": 277,
        },
    ],
}
