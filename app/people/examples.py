"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "anders-fogh-rasmussen",
    "name": "Anders Fogh Rasmussen",
    "country": None,
    "roles": [
        {
            "title": "NATO Secretary General",
            "organisation": {"slug": "nato", "name": "North Atlantic Treaty Organization"},
        }
    ],
    "citations": [
        {
            "source": "nato-news-2013-07-04-emerging-security-challenges",
            "evidence": "signed by NATO Secretary General Anders Fogh Rasmussen and "
            "Japanese Prime Minister Shinzo Abe on 15 April",
            "start": 715,
            "end": 820,
        },
        {
            "source": "blog-2014-05-07-ipcp-signing",
            "evidence": "Prime Minister Shinzo Abe and NATO Secretary General Anders "
            "Rasmussen signed a roadmap",
            "start": 324,
            "end": 410,
        },
    ],
}
