"""Organisations, people and programmes: the curated ones, then synthetic ones to size."""

from random import Random

from bench.scale import vocabulary as v
from bench.scale.catalogue import Org, Person, Programme, curated, title_case, unique_slug

_ORG_PATTERNS = [
    ("ministry", "Ministry of Defence of {country}", None),
    ("ministry", "Ministry of Foreign Affairs of {country}", None),
    ("mission", "{country} Mission to NATO", None),
    ("mission", "Embassy of Japan in {country}", None),
    ("armed_forces", "{country} Armed Forces", None),
    ("centre_of_excellence", "NATO {topic} Centre of Excellence", "nato"),
    ("division", "{topic} Division", "nato"),
    ("agency", "NATO {topic} Agency", "nato"),
    ("education_institution", "Institute for {topic} Studies", None),
    ("command", "Allied Command for {topic}", "nato"),
    ("media", "The {city} Times", None),
]


def organisations(rng: Random, total: int) -> list[Org]:
    out = [
        Org(i, o["slug"], o["name"], o["acronym"], o["kind"], o["country"], o["parent"])
        for i, o in enumerate(curated("organisations"), start=1)
    ]
    taken, names = {o.slug for o in out}, {o.name for o in out}
    for _ in range(total * 20):
        if len(out) >= total:
            break
        kind, pattern, parent = rng.choice(_ORG_PATTERNS)
        city, place_country, _ = rng.choice(v.PLACES)
        country = rng.choice(v.COUNTRIES)
        name = pattern.format(country=country, topic=title_case(rng.choice(v.TOPICS)), city=city)
        if name in names:
            continue
        names.add(name)
        words = [w for w in name.split() if w[:1].isupper() and w != "The"]
        acronym = "".join(w[0] for w in words) if rng.random() < 0.3 and len(words) > 2 else None
        home = {"mission": country, "media": place_country, "education_institution": "Japan"}
        org_country = home.get(kind, country if "{country}" in pattern else None)
        if pattern.startswith("Embassy"):
            org_country = "Japan"
        slug = unique_slug(name, taken)
        out.append(Org(len(out) + 1, slug, name, acronym, kind, org_country, parent))
    return out


def people(rng: Random, total: int, orgs: list[Org]) -> list[Person]:
    out = [
        Person(
            i,
            p["slug"],
            p["name"],
            p["country"],
            [(r["title"], r["organisation"]) for r in p["roles"]],
        )
        for i, p in enumerate(curated("people"), start=1)
    ]
    taken, names = {p.slug for p in out}, {p.name for p in out}
    japanese = [o.slug for o in orgs if o.country == "Japan"]
    for _ in range(total * 20):
        if len(out) >= total:
            break
        country: str | None
        if rng.random() < 0.5:
            name = f"{rng.choice(v.JAPANESE_GIVEN)} {rng.choice(v.JAPANESE_FAMILY)}"
            country, homes = "Japan", japanese
        else:
            name = f"{rng.choice(v.EUROPEAN_GIVEN)} {rng.choice(v.EUROPEAN_FAMILY)}"
            country, homes = rng.choice([*v.COUNTRIES, None]), [o.slug for o in orgs[:8]]
        if name in names:
            continue
        names.add(name)
        roles: list[tuple[str, str | None]] = [(rng.choice(v.ROLE_TITLES), rng.choice(homes))]
        if rng.random() < 0.3:
            roles.append((rng.choice(v.ROLE_TITLES), rng.choice(orgs).slug))
        out.append(Person(len(out) + 1, unique_slug(name, taken), name, country, roles))
    return out


_PROGRAMME_PATTERNS = [
    ("partnership_programme", "{topic} Partnership Programme {year}"),
    ("initiative", "{topic} Initiative"),
    ("trust_fund", "Trust Fund for {topic} in {country}"),
    ("declaration", "Joint Statement on {topic} ({year})"),
    ("policy_document", "NATO Policy on {topic} {year}"),
    ("nato_programme", "{topic} Programme"),
]


def programmes(rng: Random, total: int) -> list[Programme]:
    out = [
        Programme(i, p["slug"], p["name"], p["acronym"], p["kind"])
        for i, p in enumerate(curated("programmes"), start=1)
    ]
    taken, names = {p.slug for p in out}, {p.name for p in out}
    for _ in range(total * 20):
        if len(out) >= total:
            break
        kind, pattern = rng.choice(_PROGRAMME_PATTERNS)
        topic, year = title_case(rng.choice(v.TOPICS)), rng.randint(1994, 2025)
        name = pattern.format(topic=topic, year=year, country=rng.choice(v.COUNTRIES))
        if name in names:
            continue
        names.add(name)
        words = [w for w in name.split() if w[:1].isupper()]
        acronym = "".join(w[0] for w in words) if rng.random() < 0.4 else None
        out.append(Programme(len(out) + 1, unique_slug(name, taken), name, acronym, kind))
    return out
