"""Releases: what a seed run changed, record by record, as the API serves the records.

The change list compares every record's public document before and after the run, so
a record counts as updated exactly when its answer changed (a renamed area changes the
events that name it too), and a mirror that applies the list stays exact.
"""

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.core.models import DatasetVersion
from app.core.releases import Change, Release
from app.rendering import render_version
from seeds.plan import KINDS, Plan
from seeds.writing import TABLES, Report

Documents = dict[tuple[str, str], str]  # (kind, slug) → stored public JSON


def has_releases(session: Session) -> bool:
    return session.execute(select(func.count()).select_from(Release)).scalar_one() > 0


def documents(session: Session) -> Documents:
    """Every record's stored document."""
    found: Documents = {}
    for kind, table in TABLES.items():
        query = select(table.slug, table.document)  # type: ignore[attr-defined]
        found.update(((kind, slug), doc or "") for slug, doc in session.execute(query).all())
    return found


def record_release(session: Session, plan: Plan, report: Report, before: Documents) -> None:
    """Write the release the run made (its changes, and the dataset's version), if the
    answers of the API changed: the data, or only how it is rendered. `before` holds the
    documents as they were. A database seeded before releases were kept first gets a
    release of what it held, so that what this run removes is known to have been."""
    row = session.get(DatasetVersion, 1)
    if row is not None and not has_releases(session):
        created = _changes(1, {}, before, [])
        _write(session, 1, row.version, row.seeded_at, row.counts, created)
        report.version, report.release = row.version, 1
    if not report.changed and report.rendered is None:
        return  # nothing was written
    number = (session.execute(select(func.max(col(Release.number)))).scalar_one() or 0) + 1
    changes = _changes(number, before, documents(session), report.renames)
    if not report.changed and not changes:
        return  # rendered again, as before
    version = plan.version
    taken = select(col(Release.number)).where(col(Release.version) == version)
    if session.execute(taken).first():
        # The answers came back to an earlier release's, or changed with the data the same.
        version = f"{version}.{number}"
    made_at = datetime.now(UTC)
    _write(session, number, version, made_at, plan.counts(), changes)
    if row is None:
        # The first seed of a database: its documents were rendered just now.
        session.add(
            DatasetVersion(
                id=1,
                version=version,
                seeded_at=made_at,
                counts=plan.counts(),
                render_version=render_version(),
            )  # fmt: skip
        )
    else:
        row.version, row.seeded_at, row.counts = version, made_at, plan.counts()
    session.flush()
    report.version, report.release = version, number


def _write(
    session: Session, number: int, version: str, made_at: datetime, counts: dict[str, int],
    changes: list[Change],
) -> None:  # fmt: skip
    summary = dict.fromkeys(("created", "updated", "renamed", "deleted"), 0)
    for change in changes:
        summary[change.action] += 1
    release = Release(
        number=number, version=version, made_at=made_at, counts=counts, summary=summary
    )
    session.add(release)
    session.flush()
    session.add_all(changes)
    session.flush()


def _changes(
    release: int, before: Documents, after: Documents, renames: list[tuple[str, str, str]]
) -> list[Change]:
    """The changes from `before` to `after`, in a stable order: by kind, then slug."""
    changes: list[Change] = []
    moved_from = {(kind, old) for kind, _, old in renames}
    moved_to = {(kind, slug) for kind, slug, old in renames if (kind, slug) not in before}
    for kind, slug, old in renames:
        fields = _differing(before.get((kind, old)), after.get((kind, slug)))
        changes.append(
            Change(
                release=release, kind=kind, slug=slug, action="renamed", formerly=old, fields=fields
            )
        )
    for key, document in after.items():
        if key in moved_to:
            continue
        if key not in before:
            changes.append(Change(release=release, kind=key[0], slug=key[1], action="created"))
        elif before[key] != document:
            fields = _differing(before[key], document)
            changes.append(
                Change(release=release, kind=key[0], slug=key[1], action="updated", fields=fields)
            )
    for key in before.keys() - after.keys() - moved_from:
        changes.append(Change(release=release, kind=key[0], slug=key[1], action="deleted"))
    rank = {kind: i for i, kind in enumerate(KINDS)}
    order = {"deleted": 0, "renamed": 1, "created": 2, "updated": 3}
    changes.sort(key=lambda c: (rank[c.kind], c.slug, order[c.action], c.formerly or ""))
    return changes


def _differing(old: str | None, new: str | None) -> list[str]:
    """The top-level fields whose values differ between two documents."""
    a: dict[str, Any] = json.loads(old) if old else {}
    b: dict[str, Any] = json.loads(new) if new else {}
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
