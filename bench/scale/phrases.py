"""The words events are described in: title templates, verbs and closing sentences."""

# How common each kind of event is, relative to the others.
KIND_WEIGHTS = {
    "meeting": 14, "talks": 12, "visit": 12, "conference": 8, "exercise": 8, "training": 7,
    "ministerial_meeting": 5, "symposium": 5, "speech": 5, "press_conference": 4,
    "signing": 3, "summit": 3, "contribution": 3, "pledge": 2, "relief_operation": 2,
    "operation": 2, "adoption": 2, "appointment": 1, "accession": 1, "first_contact": 0.2,
    "disaster": 0.5, "invasion": 0.1, "statement": 1, "crisis": 0.1,
}  # fmt: skip
# Two title templates per kind; a template's slots decide which links the event must have.
TITLES = {
    "signing": ["{org} and {org2} sign an arrangement on {area}", "{org} signs the {programme}"],
    "adoption": ["{org} adopts the {programme}", "{org} and {org2} adopt a statement on {area}"],
    "visit": ["{person} visits {place}", "{org} delegation visits {place} to discuss {area}"],
    "summit": ["{place} Summit addresses {area}", "Summit leaders discuss {area} and {area2}"],
    "ministerial_meeting": [
        "Ministerial meeting on {area} in {place}",
        "{org} ministers meet on {area}",
    ],
    "meeting": ["{org} meets {org2} on {area}", "Meeting on {area} in {place}"],
    "talks": ["{org}–{org2} talks on {area}", "Staff talks on {area} and {area2} in {place}"],
    "conference": ["Conference on {area} in {place}", "{org} conference on {area}"],
    "symposium": ["Symposium on {area} and {area2}", "{org} symposium on {area} in {place}"],
    "press_conference": [
        "{person} and {org2} hold a joint press conference",
        "{person} briefs the press on {area}",
    ],
    "speech": ["{person} speaks on {area}", "{person} on {area} in {place}"],
    "exercise": [
        "Exercise {exercise} {year} practises {area}",
        "{org} joins exercise {exercise} near {place}",
    ],
    "training": ["Training course on {area} in {place}", "{org} officers train in {area}"],
    "operation": [
        "{org} operation for {area} in {place}",
        "{org} supports NATO-led operations in {place}",
    ],
    "relief_operation": [
        "Relief operation after the {disaster} in {place}",
        "{org} delivers disaster relief in {place}",
    ],
    "contribution": ["{org} contributes to the {programme}", "{org} funds projects on {area}"],
    "pledge": ["{org} pledges support for {area}", "{org} pledges funds to the {programme}"],
    "appointment": [
        "{person} appointed to lead work on {area}",
        "{org} appoints a liaison for {area}",
    ],
    "accession": ["{org} joins the {programme}", "{org} joins NATO’s work on {area}"],
    "first_contact": [
        "First contacts between {org} and {org2}",
        "{org} makes first contact on {area}",
    ],
    "disaster": ["{disaster} strikes {place}", "{disaster} prompts calls for {area}"],
    "invasion": ["{org} and {org2} condemn the invasion", "Invasion threatens {area} near {place}"],
    "statement": ["{org} states its interest in {area}", "{person} sets out a position on {area}"],
    "crisis": ["Crisis near {place} tests {area}", "{org} and {org2} respond to a crisis"],
}
# What the summary says the participants did.
VERBS = {
    "signing": "signed an arrangement on",
    "adoption": "adopted a document on",
    "visit": "exchanged views on",
    "summit": "met at summit level to discuss",
    "ministerial_meeting": "met at ministerial level to discuss",
    "meeting": "met to discuss",
    "talks": "held talks on",
    "conference": "took part in a conference on",
    "symposium": "took part in a symposium on",
    "press_conference": "spoke to the press about",
    "speech": "set out priorities for",
    "exercise": "exercised together in",
    "training": "trained together in",
    "operation": "conducted operations supporting",
    "relief_operation": "delivered relief supplies in support of",
    "contribution": "contributed funds for",
    "pledge": "pledged support for",
    "appointment": "named officials responsible for",
    "accession": "joined cooperation on",
    "first_contact": "made first contact on",
    "disaster": "called for cooperation on",
    "invasion": "condemned an invasion that threatens",
    "statement": "made known their interest in",
    "crisis": "discussed a crisis that affects",
}
EXTRAS = [
    None,
    None,
    None,
    "Participants agreed to exchange information and best practices.",
    "Officials stressed the importance of a rules-based international order.",
    "It builds on earlier cooperation on {topic}.",
    "Japan’s delegation included officials from several ministries.",
    "The work took place under the {programme}.",
]
