"""What a reader looks for comes first: for each query, the records that must be among
the top three hits, on both back-ends (issue 16's relevance table)."""

import pytest
from fastapi.testclient import TestClient

from tests.support import url

# (query, why, the records that must be in the top three)
TABLE = [
    ("maritime security", "an area's name, as its title", [("area", "maritime-security")]),
    ("cyber defense", "American spelling finds the British", [("area", "cyber-defence")]),
    ("cyber defence", "British spelling", [("area", "cyber-defence")]),
    ('"cyber defence"', "a phrase", [("area", "cyber-defence")]),
    (
        "disaster rescue",
        "an alias finds its area",
        [("area", "humanitarian-assistance-and-disaster-relief")],
    ),
    ("stabilizing", "an American alias", [("area", "stabilisation-and-reconstruction")]),
    ("counterterrorism", "one word for a hyphenated name", [("area", "counter-terrorism")]),
    (
        "interoperability",
        "titles above bodies",
        [("area", "interoperability"), ("programme", "interoperability-platform")],
    ),
    (
        "vilnius",
        "the events titled by the place",
        [
            ("event", "nato-summit-vilnius-2023"),
            ("event", "kishida-stoltenberg-meeting-vilnius-2023"),
        ],
    ),
    (
        "earthquake",
        "both earthquakes",
        [
            ("event", "turkey-earthquakes-2023"),
            ("event", "great-east-japan-earthquake-and-tsunami-2011"),
        ],
    ),
    (
        "afghanistan trust fund",
        "a programme by its name",
        [("programme", "afghan-national-army-trust-fund")],
    ),
    (
        "Kishida indo-pacific",
        "a speaker and the words of a quote",
        [("quote", "kishida-indo-pacific-security-indivisible-from-europe")],
    ),
    (
        "science for peace",
        "a programme's name with a stopword",
        [("programme", "science-for-peace-and-security-programme")],
    ),
    (
        "defence college",
        "an organisation spelt the American way",
        [("organisation", "nato-defense-college")],
    ),
    ("women", "an area named by one word", [("area", "women-peace-and-security")]),
    ("tokyo conference", "an event's title", [("event", "tokyo-conference-afghanistan-2012")]),
    ('"political dialogue"', "a phrase as an area's name", [("area", "political-dialogue")]),
    (
        "liaison office",
        "the officials' words",
        [("quote", "officials-no-liaison-office-discussion-2023")],
    ),
    ("ukraine crisis", "the crisis by its words", [("event", "ukraine-crisis-2014")]),
]


@pytest.mark.parametrize(("q", "why", "wanted"), TABLE, ids=[q for q, _, _ in TABLE])
def test_the_records_a_reader_wants_are_in_the_top_three(
    client: TestClient, q: str, why: str, wanted: list[tuple[str, str]]
):
    top = client.get(url("/v1/search", q=q, limit=3)).json()["data"]
    shown = [(hit["type"], hit["slug"]) for hit in top]
    for record in wanted:
        assert record in shown, (why, shown)


def test_a_title_match_ranks_above_the_same_words_in_a_body(client: TestClient):
    hits = client.get(url("/v1/search", q="interoperability", limit=20)).json()["data"]
    titled = [h for h in hits if "interoperability" in h["title"].lower()]
    untitled = [h for h in hits if "interoperability" not in h["title"].lower()]
    assert titled and untitled
    assert min(h["rank"] for h in titled) > max(h["rank"] for h in untitled)


@pytest.mark.parametrize("words", ["defence science", "security challenges"])
@pytest.mark.parametrize("type", [None, "events"])
def test_words_that_stand_together_rank_above_the_same_words_apart(
    client: TestClient, words: str, type: str | None
):
    """The best hits of plain words are records that say them as a phrase, where any
    does; the words apart rank below."""
    kind = {"type": type} if type else {}
    phrase = client.get(url("/v1/search", q=f'"{words}"', limit=200, **kind)).json()["data"]
    plain = client.get(url("/v1/search", q=words, limit=200, **kind)).json()["data"]
    together = {(h["type"], h["slug"]) for h in phrase}
    assert together and len(plain) > len(together)  # some say the words apart
    assert (plain[0]["type"], plain[0]["slug"]) in together, [h["slug"] for h in plain[:3]]
