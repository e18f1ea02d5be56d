"""A release's data package: a ZIP, streamed, holding what `contents` lists and, last,
`datapackage.json` (a Frictionless Data Package: licence, version, and the SHA-256 and
size of every file, known once each is written).

Each file is compressed as it is read, so memory stays flat however many records there
are. Entries are dated with the release, so a release's package is the same bytes at
every download.
"""

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from sqlmodel import Session

from app.core.engine import snapshot
from app.core.models import Resource
from app.core.releases import Release
from app.releases.contents import entries
from app.releases.service import newest, superseded

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def package(session: Session, release: Release, resources: Iterable[Resource]) -> Iterator[bytes]:
    """The ZIP of `release`, in chunks, read from one snapshot of the database in which it
    is the newest release (the tables hold its data); else a 410."""
    snapshot(session)
    current = newest(session)
    if current is None or current.number != release.number:
        raise superseded(release, current)
    files = entries(session, resources)
    sink = _Sink()
    stamp = release.made_at_utc.timetuple()[:6]
    described = []
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in files:
            digest, size = hashlib.sha256(), 0
            info = zipfile.ZipInfo(entry.path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as file:
                for chunk in entry.chunks(session):
                    file.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    if written := sink.take():  # the compressor may hold it all yet
                        yield written
            described.append(
                {
                    **entry.describe,
                    "path": entry.path,
                    "bytes": size,
                    "hash": f"sha256:{digest.hexdigest()}",
                }
            )
        manifest = zipfile.ZipInfo("datapackage.json", date_time=stamp)
        manifest.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(manifest, json.dumps(_manifest(release, described), indent=2) + "\n")
    yield sink.take()


def _manifest(release: Release, resources: list[dict[str, Any]]) -> dict[str, Any]:
    made = release.made_at_utc.isoformat().replace("+00:00", "Z")
    return {
        "profile": "data-package",
        "name": "nato-japan-cooperation",
        "title": "NATO–Japan cooperation: events, programmes, areas, quotes and their sources",
        "description": (
            f"Release {release.number} of the dataset, made {made}. "
            "Every record cites the exact words of a source document; the documents are "
            "in sources/, each under its publisher's terms. The curated records are "
            "offered under CC BY 4.0."
        ),
        "version": release.version,
        "created": made,
        "licenses": [LICENCE],
        "resources": resources,
    }


class _Sink(io.RawIOBase):
    """Where the ZIP is written: it keeps what was written since it was last emptied.
    Without `seek`, zipfile writes each entry's sizes after its data."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self._parts = b"".join(self._parts), []
        return data
