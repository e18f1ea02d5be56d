"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "ipcp-signing-2014",
    "title": "Japan and NATO sign the Individual Partnership and Cooperation Program",
    "summary": "Abe and Rasmussen signed a roadmap for closer bilateral cooperation in areas "
    "including maritime security, cyber defence and humanitarian operations.",
    "kind": "signing",
    "date": {
        "start": "2014-05-06",
        "end": "2014-05-06",
        "start_precision": "day",
        "end_precision": "day",
        "earliest": "2014-05-06",
        "latest": "2014-05-06",
        "label": None,
        "note": "001 says 'agreed Tuesday in Brussels'; resolved from its dateline, "
        "Wednesday, May 7, 2014.",
    },
    "place": {"name": "NATO headquarters, Brussels", "country": "Belgium"},
    "areas": [
        {"slug": "counter-piracy", "name": "Counter-piracy"},
        {"slug": "cyber-defence", "name": "Cyber defence"},
    ],
    "programmes": [
        {
            "slug": "individual-partnership-and-cooperation-programme-2014",
            "name": "Individual Partnership and Cooperation Program",
        }
    ],
    "people": [
        {"slug": "anders-fogh-rasmussen", "name": "Anders Fogh Rasmussen"},
        {"slug": "shinzo-abe", "name": "Shinzo Abe"},
    ],
    "organisations": [
        {"slug": "japan", "name": "Japan"},
        {"slug": "nato", "name": "North Atlantic Treaty Organization"},
    ],
    "quotes": [],
    "citations": [
        {
            "source": "blog-2014-05-07-ipcp-signing",
            "evidence": "Wednesday, May 7, 2014",
            "start": 0,
            "end": 22,
        },
        {
            "source": "blog-2014-05-07-ipcp-signing",
            "evidence": "Japan and the North Atlantic Treaty Organization agreed "
            "Tuesday in Brussels to work more closely and extensively",
            "start": 84,
            "end": 196,
        },
    ],
}
