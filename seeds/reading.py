"""Read the curated YAML files and source documents into validated records."""

import hashlib
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from seeds.errors import SeedError
from seeds.records import (
    AreaIn,
    EventIn,
    OrganisationIn,
    PersonIn,
    ProgrammeIn,
    QuoteIn,
    SourceIn,
)

SEEDS_DIR = Path(__file__).resolve().parent

# File name → record model, in the order the loader writes them.
FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourceIn,
    "organisations.yaml": OrganisationIn,
    "people.yaml": PersonIn,
    "areas.yaml": AreaIn,
    "programmes.yaml": ProgrammeIn,
    "events.yaml": EventIn,
    "quotes.yaml": QuoteIn,
}

M = TypeVar("M", bound=BaseModel)


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(SEEDS_DIR.parent))
    except ValueError:
        return str(path)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_records(path: Path, model: type[M]) -> list[M]:
    """Parse one YAML file (a list of mappings) into records, or raise a SeedError."""
    name = display_path(path)
    try:
        # libyaml's parser (in PyYAML's wheels): a fifth of a seed's time in pure Python.
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise SeedError(name, "file is missing") from None
    except yaml.YAMLError as exc:
        raise SeedError(name, f"is not valid YAML: {exc}") from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise SeedError(name, "must be a YAML list of records")
    records: list[M] = []
    seen: set[str] = set()
    for index, item in enumerate(raw, start=1):
        label = _label(item, index)
        if not isinstance(item, dict):
            raise SeedError(name, "must be a mapping", record=label)
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = _field_path(error["loc"])
            raise SeedError(name, error["msg"], record=label, field=field) from None
        slug = str(record.model_dump()["slug"])
        if slug in seen:
            raise SeedError(name, f"duplicate slug {slug!r}", record=label, field="slug")
        seen.add(slug)
        records.append(record)
    return records


def read_source_text(path: Path, expected_sha256: str, *, file: str, record: str) -> str:
    """Return a source document's text after checking its SHA-256 byte for byte."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(
            file, f"no such document {path.name!r}", record=record, field="file"
        ) from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected_sha256:
        raise SeedError(
            file,
            f"{path.name} has SHA-256 {actual}, expected {expected_sha256}: the document changed",
            record=record,
            field="sha256",
        )
    return data.decode("utf-8")


def dataset_version(data_dir: Path, sources_dir: Path) -> str:
    """A digest over every seed file's name and bytes: changes whenever the data does, and
    only then (the curated files, then the sources, each by name: where they were read
    from does not count)."""
    digest = hashlib.sha256()
    data = sorted(data_dir.glob("*.yaml"), key=lambda p: p.name)
    sources = sorted(sources_dir.glob("*.txt"), key=lambda p: p.name)
    for path in [*data, *sources]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _label(item: object, index: int) -> str:
    slug = item.get("slug") if isinstance(item, dict) else None
    return f"#{index} ({slug!r})" if slug else f"#{index}"


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
