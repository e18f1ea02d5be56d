"""Queries over what values rest on: each record's bases, and lists kept to the records
whose values rest on the texts."""

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import Select, exists, select
from sqlmodel import Session

from app.areas.models import CooperationArea
from app.basis.models import FieldBasis, FieldBasisPublic
from app.core.models import BasisLevel

# What each `basis=` accepts: a value at that level or nearer the text.
ACCEPTED = {
    BasisLevel.stated: ("stated",),
    BasisLevel.inferred: ("stated", "inferred"),
    BasisLevel.external: ("stated", "inferred", "external"),
}


def bases_for(
    session: Session, kind: str, owner_ids: Iterable[int]
) -> dict[int, list[FieldBasisPublic]]:
    """The bases of each record of `kind`, in curated order."""
    ids = list(owner_ids)
    out: dict[int, list[FieldBasisPublic]] = defaultdict(list)
    if not ids:
        return out
    query = (
        select(FieldBasis)
        .where(FieldBasis.kind == kind, FieldBasis.record_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(FieldBasis.record_id, FieldBasis.position)  # type: ignore[arg-type]
    )
    for row in session.execute(query).scalars():
        out[row.record_id].append(
            FieldBasisPublic(field=row.field, item=row.item, basis=row.basis, reason=row.reason)
        )
    return out


def resting_on(
    query: Select[Any],
    table: Any,
    kind: str,
    level: BasisLevel | None,
    fields: Collection[str],
    areas: Collection[int] = (),
) -> Select[Any]:
    """`query` kept to the records whose filtered `fields` rest at `level` or nearer the
    text and, with `areas` (the ids an area filter matched), whose link to one of them
    does (the areas are alternatives: one link that rests there is enough); with nothing
    filtered, to the records all of whose values do. A record whose values carry no
    basis at all (synthetic data) rests on nothing farther. No level (or `external`,
    which accepts every value): `query` itself."""
    if level is None or level is BasisLevel.external:
        return query
    accepted = ACCEPTED[level]
    own = (FieldBasis.kind == kind) & (FieldBasis.record_id == table.id)
    farther = own & ~FieldBasis.basis.in_(accepted)  # type: ignore[attr-defined]
    if not fields and not areas:
        return query.where(~exists().where(farther))
    if fields:
        query = query.where(~exists().where(farther, FieldBasis.field.in_(fields)))  # type: ignore[attr-defined]
    if areas:
        slugs = select(CooperationArea.slug).where(CooperationArea.id.in_(areas))  # type: ignore[union-attr]
        link = own & (FieldBasis.field == "areas") & FieldBasis.item.in_(slugs)  # type: ignore[union-attr]
        near = link & FieldBasis.basis.in_(accepted)  # type: ignore[attr-defined]
        query = query.where(exists().where(near) | ~exists().where(link))
    return query
