"""A real record from the seeded dataset, shown in the API documentation."""

from pydantic import JsonValue

EXAMPLE: dict[str, JsonValue] = {
    "slug": "abe-security-asia-europe-intertwined-2014",
    "text": "With security in Asia and Europe closely intertwined, we have shared the "
    "recognition that cooperation is important for Japan and NATO, which uphold "
    "common basic values such as rule of law.",
    "mode": "direct",
    "speaker": {"slug": "shinzo-abe", "name": "Shinzo Abe"},
    "speaker_organisation": {"slug": "japan", "name": "Japan"},
    "speaker_role": "Prime Minister",
    "date": {
        "start": "2014-05-06",
        "end": "2014-05-06",
        "start_precision": "day",
        "end_precision": "day",
        "earliest": "2014-05-06",
        "latest": "2014-05-06",
        "label": None,
        "note": "At the joint press conference after the talks of 'Tuesday'; resolved "
        "from the dateline Wednesday, May 7, 2014.",
    },
    "event": {
        "slug": "joint-press-conference-abe-rasmussen-2014",
        "name": "Abe and Rasmussen joint press conference in Brussels",
    },
    "source": {
        "slug": "blog-2014-05-07-ipcp-signing",
        "name": "Japan, NATO agree to work closer, sign partnership program",
    },
    "text_start": 588,
    "text_end": 776,
    "areas": [{"slug": "political-dialogue", "name": "Political dialogue"}],
    "citations": [
        {
            "source": "blog-2014-05-07-ipcp-signing",
            "evidence": "With security in Asia and Europe closely intertwined, we have "
            "shared the recognition that cooperation is important for "
            "Japan and NATO, which uphold common basic values such as rule "
            "of law.",
            "start": 588,
            "end": 776,
        },
        {
            "source": "blog-2014-05-07-ipcp-signing",
            "evidence": "At a joint press conference following their meeting, Abe said,",
            "start": 524,
            "end": 586,
        },
    ],
}
