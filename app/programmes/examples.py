"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "individually-tailored-partnership-programme-2023",
    "name": "Individually Tailored Partnership Program",
    "acronym": "ITPP",
    "kind": "partnership_programme",
    "description": "The partnership programme guiding NATO–Japan cooperation from 2023. Its "
    "16 areas include maritime security, space, cyberspace and disinformation; "
    "new additions include emerging technologies, interoperability and climate "
    "change. It broadens practical cooperation on both new and long-standing "
    "security challenges.",
    "in_force": {
        "start": "2023-07-12",
        "end": "2026",
        "start_precision": "day",
        "end_precision": "year",
        "earliest": "2023-07-12",
        "latest": "2026-12-31",
        "label": None,
        "note": "Adopted 'on Wednesday' in Vilnius (003). 003's dateline (Saturday, "
        "30 September 2023) is a later repost; 004 says the programme was "
        "agreed in July 2023 and puts the Vilnius Summit in July 2023, so "
        "the Wednesday is 12 July 2023. It runs 'through 2026'.",
    },
    "priority_areas": 16,
    "predecessor": {
        "slug": "individual-partnership-and-cooperation-programme-2020",
        "name": "Individual Partnership and Cooperation Program (2020 revision)",
    },
    "successors": [],
    "areas": [
        {"slug": "climate-change-and-security", "name": "Climate change and security"},
        {"slug": "disinformation", "name": "Countering disinformation"},
    ],
    "events": [
        {"slug": "nato-summit-vilnius-2023", "name": "2023 NATO Summit in Vilnius"},
        {
            "slug": "itpp-adoption-2023",
            "name": "Japan and NATO adopt the Individually Tailored Partnership Program",
        },
    ],
    "organisations": [
        {"slug": "japan", "name": "Japan"},
        {"slug": "nato", "name": "North Atlantic Treaty Organization"},
    ],
    "citations": [
        {
            "source": "news-2023-09-30-itpp-vilnius",
            "evidence": "The so-called Individually Tailored Partnership Program was "
            "endorsed to widen the scope of practical cooperation",
            "start": 676,
            "end": 788,
        },
        {
            "source": "news-2023-09-30-itpp-vilnius",
            "evidence": "The initiative covers the next four years through 2026",
            "start": 847,
            "end": 901,
        },
    ],
}
