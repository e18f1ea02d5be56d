"""The reference records' shapes, and the curated taxonomy they start from."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.core.config import PROJECT_ROOT
from bench.scale.rows import slugify

SEED_DATA = PROJECT_ROOT / "seeds" / "data"
# How often events touch an area, relative to the others (default 1).
AREA_WEIGHTS = {
    "maritime-security": 8, "cyber-defence": 8, "political-dialogue": 6,
    "humanitarian-assistance-and-disaster-relief": 6, "counter-piracy": 4,
    "emerging-and-disruptive-technologies": 3, "crisis-management": 3, "interoperability": 3,
    "defence-science-and-technology": 3, "women-peace-and-security": 2, "trust-funds": 2,
}  # fmt: skip
ORG_WEIGHTS = {"nato": 40, "japan": 30, "ministry-of-foreign-affairs-of-japan": 8,
               "japan-self-defense-forces": 6, "japan-maritime-self-defense-force": 4}  # fmt: skip


@dataclass
class Area:
    id: int
    slug: str
    name: str
    aliases: list[str]
    description: str
    parent: str | None
    phrase: str = ""  # how a sentence names it: "cyber defence", "CBRN defence"


@dataclass
class Org:
    id: int
    slug: str
    name: str
    acronym: str | None
    kind: str
    country: str | None
    parent: str | None


@dataclass
class Person:
    id: int
    slug: str
    name: str
    country: str | None
    roles: list[tuple[str, str | None]] = field(default_factory=list)  # (title, org slug)


@dataclass
class Programme:
    id: int
    slug: str
    name: str
    acronym: str | None
    kind: str


def curated(name: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load(Path(SEED_DATA / f"{name}.yaml").read_text(encoding="utf-8")))


def unique_slug(name: str, taken: set[str]) -> str:
    base = slug = slugify(name)
    n = 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def title_case(topic: str) -> str:
    return " ".join(w if w in ("and", "of") else w[:1].upper() + w[1:] for w in topic.split())


def areas() -> list[Area]:
    out = []
    for i, a in enumerate(curated("areas"), start=1):
        name = a["name"]
        phrase = name if name[:2].isupper() else name[0].lower() + name[1:]
        out.append(Area(i, a["slug"], name, a["aliases"], a["description"], a["parent"], phrase))
    return out
