"""Issue 15's review of the curated data, finding by finding: each value the cited words
did not support is corrected or carries its basis, and each missing fact is a record."""

from typing import Any

import pytest

from seeds.plan import Plan, RecordState, build_plan
from tests.support import by_slug


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan()


def basis(state: RecordState, field: str, item: str | None = None) -> str:
    (found,) = [b.basis for b in state.bases if b.field == field and b.item == item]
    return found


def cites(record: dict[str, Any], words: str) -> bool:
    return any(words in c["evidence"] for c in record["citations"])


VILNIUS = [
    ("event", "kishida-stoltenberg-meeting-vilnius-2023"),
    ("event", "itpp-adoption-2023"),
    ("event", "nato-ap4-leaders-session-vilnius-2023"),
    ("event", "nato-summit-vilnius-2023"),
    ("quote", "stoltenberg-no-partner-closer-than-japan-2023"),
    ("quote", "stoltenberg-concern-china-north-korea-2023"),
    ("quote", "kishida-deepen-cooperation-with-nato-2023"),
]


class TestValuesTheWordsDidNotSupport:
    @pytest.mark.parametrize(
        "slug",
        [
            "officials-no-liaison-office-discussion-2023",
            "officials-liaison-office-opposed-by-france-2023",
        ],
    )
    def test_the_officials_speak_for_no_body_003_does_not_name(self, plan: Plan, slug: str):
        state = plan.records["quote"][slug]
        assert state.refs["speaker_organisation_id"] == ("organisation", None)
        assert state.columns["speaker_role"] == "Officials involved in preparing the meetings"
        assert state.columns["note"]

    def test_dates_no_document_gives_are_marked_external(self, plan: Plan):
        invasion = plan.records["event"]["russian-invasion-of-ukraine-2022"]
        assert basis(invasion, "date") == "external"
        kishida = plan.records["quote"]["kishida-indo-pacific-security-indivisible-from-europe"]
        assert basis(kishida, "date") == "external"

    @pytest.mark.parametrize(("kind", "slug"), VILNIUS)
    def test_the_vilnius_records_are_dated_to_the_month_004_gives(
        self, plan: Plan, kind: str, slug: str
    ):
        state = plan.records[kind][slug]
        assert state.columns["start_precision"] == "month"
        assert str(state.columns["start_date"]) == "2023-07-01"
        assert basis(state, "date" if kind != "programme" else "in_force") in (
            "stated",
            "inferred",
        )

    def test_the_programmes_vilnius_ends_and_starts_are_the_month_too(self, plan: Plan):
        itpp = plan.records["programme"]["individually-tailored-partnership-programme-2023"]
        ipcp = plan.records["programme"]["individual-partnership-and-cooperation-programme-2020"]
        assert str(itpp.columns["start_date"]) == "2023-07-01"
        assert (str(ipcp.columns["end_date"]), ipcp.columns["end_precision"]) == (
            "2023-07-31",
            "month",
        )

    def test_the_airlift_is_nato_coordinated_as_004_says(self):
        airlift = by_slug("events")["nato-airlift-turkey-earthquake-relief-2023"]
        assert "NATO-led" not in airlift["title"] + airlift["summary"]
        assert "NATO-coordinated" in airlift["title"] + airlift["summary"]

    def test_the_other_ipcp_signings_claim_no_order_or_region(self):
        signings = by_slug("events")["nato-ipcp-signings-other-asia-pacific-partners"]
        text = signings["title"] + signings["summary"]
        assert "before Japan" not in text.lower() and "in the region" not in text
        assert signings["note"]

    def test_the_beijing_meeting_is_bounded_by_recent_and_marked(self, plan: Plan):
        meeting = plan.records["event"]["japanese-lawmakers-beijing-meeting-2014"]
        assert basis(meeting, "date") == "inferred"
        assert "official" in meeting.columns["date_note"]

    @pytest.mark.parametrize(
        ("kind", "slug", "field"),
        [
            ("programme", "individually-tailored-partnership-programme-2023", "acronym"),
            ("organisation", "nato-cooperative-cyber-defence-centre-of-excellence", "acronym"),
            ("organisation", "kyodo-news", "country"),
        ],
    )
    def test_values_in_no_text_are_marked(self, plan: Plan, kind: str, slug: str, field: str):
        state = plan.records[kind][slug]
        assert basis(state, field) in ("inferred", "external") and state.columns["note"]

    def test_an_officials_account_of_abe_is_the_officials_words(self, plan: Plan):
        quote = plan.records["quote"]["abe-cited-beijing-lawmakers-meeting-2014"]
        assert quote.refs["speaker_id"] == ("person", None)
        assert quote.columns["speaker_role"] == "Japanese official"
        assert quote.columns["mode"] == "reported"

    def test_the_one_day_symposium_is_marked_approximate(self, plan: Plan):
        symposium = plan.records["event"]["sps-symposium-information-day-tokyo-2013"]
        assert symposium.columns["start_precision"] == "approximate"
        assert symposium.columns["date_label"]

    def test_the_declarations_signing_is_placed_in_tokyo_by_a_reading(self, plan: Plan):
        signing = plan.records["event"]["joint-political-declaration-signing-2013"]
        assert signing.columns["place_name"] == "Tokyo"
        assert basis(signing, "place.name") == "inferred" and signing.columns["note"]

    def test_the_first_joint_declaration_is_not_dated_from_a_file_name(self, plan: Plan):
        quote = plan.records["quote"]["nato-first-joint-declaration-2013"]
        assert quote.columns["start_precision"] == "month"
        assert "file name" in quote.columns["date_note"]

    def test_the_press_club_speech_is_not_tagged_with_dialogue_it_never_mentions(self, plan: Plan):
        speech = plan.records["event"]["rasmussen-speech-japan-national-press-club-2013"]
        assert "political-dialogue" not in speech.links["areas"]
        assert speech.columns["note"]


class TestFactsNoRecordHeld:
    def test_003s_framing_of_the_itpp(self):
        itpp = by_slug("programmes")["individually-tailored-partnership-programme-2023"]
        assert cites(itpp, "the escalating attempts by China and Russia to undermine")

    def test_japans_prior_interest_in_cyber_and_cbrn_defence(self):
        (event,) = [
            e
            for e in by_slug("events").values()
            if cites(e, "Prior to the event, Japan had expressed a particular interest")
            and e["kind"] == "statement"
        ]
        assert {"cyber-defence", "cbrn-defence"} <= set(event["areas"])

    def test_the_2014_ukraine_crisis(self):
        crisis = by_slug("events")["ukraine-crisis-2014"]
        assert crisis["kind"] == "crisis" and cites(crisis, "the gravest crisis")

    def test_information_sharing_and_nato_headquarters(self):
        area = by_slug("areas")["information-sharing"]
        assert cites(area, "share information")
        headquarters = by_slug("organisations")["nato-headquarters"]
        assert headquarters["parent"] == "nato"

    @pytest.mark.parametrize(
        "words",
        [
            "developments in this region can directly affect Euro-Atlantic security",
            "In today’s complex global security environment",
        ],
    )
    def test_004s_statements_on_the_region_and_the_security_environment(self, words: str):
        (quote,) = [q for q in by_slug("quotes").values() if words in q["text"]]
        assert quote["speaker"] is None and quote["speaker_organisation"] == "nato"
