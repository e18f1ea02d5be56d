"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "nato-emerging-security-challenges-division",
    "name": "Emerging Security Challenges Division",
    "acronym": None,
    "kind": "division",
    "country": None,
    "parent": {"slug": "nato", "name": "North Atlantic Treaty Organization"},
    "children": [],
    "citations": [
        {
            "source": "nato-news-2013-07-04-emerging-security-challenges",
            "evidence": "A delegation from NATO’s Emerging Security Challenges "
            "Division met senior government representatives",
            "start": 130,
            "end": 230,
        },
        {
            "source": "nato-news-2013-07-04-emerging-security-challenges",
            "evidence": "As an integral part of NATO’s Emerging Security Challenges "
            "Division, the SPS Programme",
            "start": 2002,
            "end": 2088,
        },
    ],
}
