"""Every query about source documents."""

from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from app.citations.models import Citation
from app.core.dates import format_partial
from app.core.listing import PageResult, fetch_page
from app.core.pagination import Page, SortKey
from app.sources.models import Source, SourceDetail, SourcePublic

FAR_FUTURE = date(9999, 12, 31)


def list_sources(
    *, session: Session, page: Page, count: bool = False
) -> tuple[list[SourcePublic], PageResult]:
    """A page of sources by publication date, without their full text."""
    query = select(Source)
    keys = [
        SortKey(func.coalesce(Source.published_date, FAR_FUTURE), is_date=True),
        SortKey(Source.slug),
    ]
    result = fetch_page(session, query, keys=keys, page=page, signature="date,slug", count=count)
    counts = _citation_counts(session, [r.id for r in result.rows])
    return [_public(r, counts, SourcePublic) for r in result.rows], result


def get_source(*, session: Session, slug: str) -> SourceDetail | None:
    """One source by slug with its full verbatim text, or None."""
    row = session.execute(select(Source).where(Source.slug == slug)).scalar_one_or_none()
    if row is None:
        return None
    return _public(row, _citation_counts(session, [row.id]), SourceDetail)  # type: ignore[return-value]


def _citation_counts(session: Session, ids: list[int | None]) -> dict[int, int]:
    query = (
        select(Citation.source_id, func.count())
        .where(Citation.source_id.in_([i for i in ids if i is not None]))  # type: ignore[attr-defined]
        .group_by(Citation.source_id)
    )
    return dict(session.execute(query).all())  # type: ignore[arg-type]


def _public(row: Source, counts: dict[int, int], shape: type[SourcePublic]) -> SourcePublic:
    extra = {"text": row.text} if shape is SourceDetail else {}
    return shape(
        slug=row.slug,
        title=row.title,
        publisher=row.publisher,
        published=format_partial(row.published_date, row.published_precision),
        kind=row.kind,
        file_name=row.file_name,
        url=row.url,
        sha256=row.sha256,
        length=len(row.text),
        citation_count=counts.get(row.id or 0, 0),
        **extra,
    )
