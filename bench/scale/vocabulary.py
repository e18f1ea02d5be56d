"""The fixed vocabulary that synthetic names, titles and source texts are assembled from."""

# (place, country); the weight says how often events happen there.
PLACES = [
    ("Brussels", "Belgium", 10), ("Tokyo", "Japan", 10), ("Mons", "Belgium", 3),
    ("Yokosuka", "Japan", 3), ("Okinawa", "Japan", 2), ("Osaka", "Japan", 2),
    ("Hiroshima", "Japan", 1), ("Sendai", "Japan", 1), ("Tallinn", "Estonia", 3),
    ("Vilnius", "Lithuania", 2), ("Riga", "Latvia", 1), ("Warsaw", "Poland", 2),
    ("Madrid", "Spain", 2), ("Lisbon", "Portugal", 1), ("Washington", "United States", 3),
    ("Norfolk", "United States", 2), ("Ottawa", "Canada", 1), ("Naples", "Italy", 2),
    ("Rome", "Italy", 2), ("The Hague", "Netherlands", 1), ("London", "United Kingdom", 2),
    ("Paris", "France", 2), ("Berlin", "Germany", 2), ("Oslo", "Norway", 1),
    ("Copenhagen", "Denmark", 1), ("Helsinki", "Finland", 1), ("Stockholm", "Sweden", 1),
    ("Ankara", "Turkey", 1), ("Athens", "Greece", 1), ("Bucharest", "Romania", 1),
    ("Prague", "Czech Republic", 1), ("Kabul", "Afghanistan", 2),
    ("Sarajevo", "Bosnia and Herzegovina", 1), ("Pristina", "Kosovo", 1), ("Kyiv", "Ukraine", 2),
    ("Canberra", "Australia", 1), ("Wellington", "New Zealand", 1),
    ("Seoul", "Republic of Korea", 1), ("Ulaanbaatar", "Mongolia", 1),
    ("Gulf of Aden", None, 2), ("Mediterranean Sea", None, 1), ("Baltic Sea", None, 1),
    ("Indo-Pacific", None, 1), ("Balkans", None, 1),
]  # fmt: skip
COUNTRIES = sorted({country for _, country, _ in PLACES if country})
SEAS = ["Gulf of Aden", "Mediterranean Sea", "Baltic Sea", "Sea of Japan", "Indian Ocean"]

# What the texts talk about: the areas' own words, in both spellings the sources use.
TOPICS = [
    "cyber defence", "cyber defense", "maritime security", "disaster relief",
    "humanitarian assistance", "counter-piracy", "counter-terrorism", "non-proliferation",
    "crisis management", "interoperability", "defence science and technology",
    "defense science and technology", "emerging and disruptive technologies",
    "women, peace and security", "human security", "climate change and security",
    "outer space", "arms control", "stockpile management", "landmines",
    "political dialogue", "peace support operations", "hybrid threats", "disinformation",
    "missile defence", "energy security", "capacity building", "trust funds",
    "training and education programs", "maritime situational awareness", "cyberspace",
]  # fmt: skip
EXERCISES = [
    "Cyber Coalition", "Locked Shields", "Steadfast Jazz", "Trident Juncture",
    "Sea Breeze", "Crisis Management Exercise", "Dynamic Mongoose", "BALTOPS", "Cold Response",
]  # fmt: skip
DISASTERS = ["earthquake", "tsunami", "typhoon", "flood", "landslide", "wildfire"]
PUBLISHERS = [
    "North Atlantic Treaty Organization", "Kyodo News", "The Japan Times", "Defense News",
    None, "Ministry of Foreign Affairs of Japan", "NATO Review",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip

JAPANESE_GIVEN = [
    "Hiroshi", "Takeshi", "Yuko", "Kenji", "Aiko", "Masato", "Naoko", "Shinji", "Emi",
    "Taro", "Haruka", "Kazuo", "Mariko", "Daisuke", "Keiko", "Ryo", "Sachiko", "Tomoko",
]  # fmt: skip
JAPANESE_FAMILY = [
    "Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Saito", "Kato",
    "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu",
]  # fmt: skip
EUROPEAN_GIVEN = [
    "Anna", "Lars", "Marta", "Pierre", "Sofia", "Tomas", "Ingrid", "Marco", "Elena", "Jan",
    "Katarzyna", "Henrik", "Claire", "Andrius", "Mette", "Paolo", "Kristina", "David",
]  # fmt: skip
EUROPEAN_FAMILY = [
    "Lindqvist", "Kowalski", "Dubois", "Rossi", "Jensen", "Novak", "Schmidt", "Garcia",
    "Petrov", "Andersen", "Silva", "Moreau", "Kask", "Ozols", "Bauer", "Horvath", "Smith",
]  # fmt: skip
ROLE_TITLES = [
    "Minister for Foreign Affairs", "Minister of Defence", "Ambassador to NATO",
    "Deputy Secretary General", "Assistant Secretary General for Operations",
    "Director General for Defence Policy", "Chief of Staff", "Senior Advisor",
    "Political Officer", "Commander", "Head of Mission", "Parliamentary Vice-Minister",
]  # fmt: skip

CLAIMS = [
    "Japan and NATO are natural partners who share the same values",
    "our cooperation on {topic} will continue to grow",
    "the security of the Euro-Atlantic and the Indo-Pacific is closely interconnected",
    "we must work together to address {topic} and {topic2}",
    "this agreement marks a new era of cooperation between NATO and Japan",
    "NATO has much to learn from Japan’s experience in {topic}",
    "no country can deal with {topic} alone",
    "we will strengthen our partnership in {topic}, including through regular exercises",
    "Japan is one of NATO’s most capable and longest-standing partners",
    "the {programme} gives our cooperation on {topic} a clear direction",
]
SENTENCES = [
    "{org} and {org2} agreed to deepen practical cooperation on {topic} and {topic2}.",
    "Officials from {country} and NATO met in {place} to review progress in {topic}.",
    "The talks focused on {topic}, {topic2} and the wider security situation.",
    "Under the {programme}, the two sides identified {topic} as a priority.",
    "{role} {person} welcomed Japan’s contribution to {topic}.",
    "NATO’s partners in the Asia-Pacific region share a commitment to a rules-based order.",
    "A delegation from {org} visited {place} for consultations on {topic}.",
    "Japan took part as an observer in the {exercise} exercise, which tested {topic} procedures.",
    "The meeting was held on {day} {month} {year} in {place}.",
    "Both sides stressed that {topic} remains a key element of the partnership.",
    "Japan Maritime Self-Defense Force ships drilled with NATO vessels in the {sea}.",
    "Experts exchanged views on {topic} and the protection of critical infrastructure.",
    "{country} contributed to a NATO trust fund supporting {topic} in {place}.",
    "Cooperation in {topic} has grown steadily since {year}.",
    "The {org} organized seminars on {topic} for officers from {country}.",
    "Participants discussed lessons learned from the {disaster} response near {place}.",
]
SOURCE_TITLES = [
    "NATO and Japan discuss {topic}",
    "Japan, NATO agree to expand cooperation on {topic}",
    "Partnership review: {topic} and {topic2}",
    "{org} hosts talks on {topic} in {place}",
    "Japan and NATO sign new arrangement on {topic}",
]
