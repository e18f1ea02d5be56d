"""Queries over releases and the change feed."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from app.core.errors import Gone, InvalidParameter, UnknownRecord
from app.core.orders import Order, SortKey, decode_cursor, encode_cursor
from app.core.releases import Change, Release
from app.releases.models import ChangePublic, ChangeSummary, ReleaseDetail, ReleasePublic

PLURALS = {
    "event": "events", "programme": "programmes", "area": "areas", "quote": "quotes",
    "person": "people", "organisation": "organisations", "source": "sources",
}  # fmt: skip
NEWEST_FIRST = Order((SortKey(col(Release.number), descending=True),), "-number")
FEED_ORDER = Order((SortKey(col(Change.id)),), "feed")
EXPORT_BATCH = 1000


def newest(session: Session) -> Release | None:
    return session.execute(select(Release).order_by(col(Release.number).desc()).limit(1)).scalar()


def release_named(session: Session, version: str) -> Release | None:
    """The release of `version` (`latest`: the newest); None when there is none."""
    if version == "latest":
        return newest(session)
    return session.execute(select(Release).where(Release.version == version)).scalar()


def list_releases(
    session: Session, *, limit: int, cursor: str | None
) -> tuple[list[ReleasePublic], str | None]:
    """A page of releases, newest first, and the cursor of the next page."""
    query = select(Release).order_by(col(Release.number).desc()).limit(limit + 1)
    if cursor is not None:
        before = _key(decode_cursor(cursor, NEWEST_FIRST)[0])
        query = query.where(col(Release.number) < before)
    rows = list(session.execute(query).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    current = newest(session)
    previous = _versions(session, [r.number - 1 for r in rows])
    page = [_public(r, previous.get(r.number - 1), current) for r in rows]
    return page, encode_cursor(NEWEST_FIRST.signature, [rows[-1].number]) if more else None


def get_release(session: Session, version: str) -> ReleaseDetail | None:
    """A release with its whole change list; None when no release has `version`."""
    release = release_named(session, version)
    if release is None:
        return None
    previous = _versions(session, [release.number - 1]).get(release.number - 1)
    public = _public(release, previous, newest(session))
    query = select(Change).where(Change.release == release.number).order_by(col(Change.id))
    changes = [_change(c, release.version) for c in session.execute(query).scalars()]
    return ReleaseDetail(**public.model_dump(), changes=changes)


def superseded(release: Release, current: Release | None) -> Gone:
    """The 410 for the package of a release that is no longer the newest."""
    newer = f"release {current.number} ({current.version})" if current else "a newer release"
    where = f"/v1/releases/{current.version}/package" if current else "/v1/releases"
    return Gone(
        f"Release {release.number} ({release.version}) is no longer served: {newer} "
        f"replaced its data. Download {where}, or keep a copy in sync from it with "
        f"/v1/changes?since={release.version}.",
        release=current.version if current else release.version,
    )


def feed_bounds(session: Session, since: str | None) -> tuple[int, int]:
    """The releases a feed read covers: after the one `since` names (0 for none given; a
    404 naming `since` when no release has that version), up to the newest now. Read
    first, the newest bounds the changes read next: a release made meanwhile is left for
    the next poll, not half-read under a version that claims it whole."""
    latest = newest(session)
    upto = latest.number if latest is not None else 0
    if since is None:
        return 0, upto
    release = release_named(session, since)
    if release is None:
        first = session.execute(select(Release.version).order_by(col(Release.number))).scalar()
        hint = (
            f"; the first release is {first}: mirror its package, or omit `since`" if first else ""
        )
        raise UnknownRecord("query.since", f"no release has the version {since!r}{hint}")
    return release.number, upto


def changes_page(
    session: Session, *, since: str | None, limit: int, cursor: str | None
) -> tuple[list[ChangePublic], str | None, str | None]:
    """A page of the changes made after release `since`, in feed order; the next page's
    cursor; and the newest release's version (the `since` of the next poll)."""
    (after, upto), start = feed_bounds(session, since), position(cursor)
    rows = _changes(session, (after, upto), start, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    cursor_out = encode_cursor(FEED_ORDER.signature, [rows[-1][0].id]) if more else None
    version = _versions(session, [upto]).get(upto)
    return [_change(c, v) for c, v in rows], cursor_out, version


def position(cursor: str | None) -> int:
    """The id of the change a cursor names (the feed goes on after it); 0 for none."""
    return _key(decode_cursor(cursor, FEED_ORDER)[0]) if cursor is not None else 0


def _key(value: int) -> int:
    """A number from a cursor, as a column of 32 bits holds it (a forged one is a 422,
    not a database error)."""
    if not 0 <= value < 2**31:
        raise InvalidParameter("query.cursor", "is not a cursor this service issued")
    return value


def all_changes(
    session: Session, *, releases: tuple[int, int], start: int = 0
) -> Iterator[list[ChangePublic]]:
    """Every change made by the `releases` (after the first, up to the second) and after
    change `start`, in batches (for an export)."""
    while rows := _changes(session, releases, start, EXPORT_BATCH):
        yield [_change(c, v) for c, v in rows]
        start = rows[-1][0].id


def _changes(session: Session, releases: tuple[int, int], start: int, limit: int) -> list[Any]:
    after, upto = releases
    query = (
        select(Change, Release.version)
        .join(Release, col(Release.number) == col(Change.release))
        .where(col(Change.release) > after, col(Change.release) <= upto, col(Change.id) > start)
        .order_by(col(Change.id))
        .limit(limit)
    )
    return list(session.execute(query).all())


def _versions(session: Session, numbers: list[int]) -> dict[int, str]:
    query = select(Release.number, Release.version).where(col(Release.number).in_(numbers))
    return dict(session.execute(query).all())  # type: ignore[arg-type]


def _public(release: Release, previous: str | None, current: Release | None) -> ReleasePublic:
    is_current = current is not None and current.number == release.number
    since = f"?since={previous}" if previous else ""
    return ReleasePublic(
        version=release.version,
        number=release.number,
        made_at=release.made_at_utc,
        previous=previous,
        current=is_current,
        counts=release.counts,
        summary=ChangeSummary(**release.summary),
        changes_url=f"/v1/changes{since}",
        package_url=f"/v1/releases/{release.version}/package" if is_current else None,
    )


def _change(change: Change, version: str) -> ChangePublic:
    return ChangePublic(
        release=version,
        type=change.kind,  # type: ignore[arg-type]
        slug=change.slug,
        action=change.action,  # type: ignore[arg-type]
        fields=change.fields,
        formerly=change.formerly,
        url=f"/v1/{PLURALS[change.kind]}/{change.slug}",
    )
