"""Bring the database to the plan in one transaction, counting what changed."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, update
from sqlmodel import Session, SQLModel

from app.core.releases import FormerSlug
from app.models import (
    Citation,
    CooperationArea,
    Event,
    EventArea,
    EventOrganisation,
    EventPerson,
    EventProgramme,
    FieldBasis,
    Organisation,
    Person,
    PersonRole,
    Programme,
    ProgrammeArea,
    ProgrammeOrganisation,
    Quote,
    QuoteArea,
    Source,
)
from seeds.basis import Basis
from seeds.plan import KINDS, Plan, RecordState

TABLES: dict[str, type[SQLModel]] = {
    "source": Source, "organisation": Organisation, "person": Person, "area": CooperationArea,
    "programme": Programme, "event": Event, "quote": Quote,
}  # fmt: skip

# (kind, link name) → (link table, column naming this record, column naming the other)
LINKS: dict[tuple[str, str], tuple[type[SQLModel], str, str, str]] = {
    ("event", "areas"): (EventArea, "event_id", "area_id", "area"),
    ("event", "programmes"): (EventProgramme, "event_id", "programme_id", "programme"),
    ("event", "people"): (EventPerson, "event_id", "person_id", "person"),
    ("event", "organisations"): (EventOrganisation, "event_id", "organisation_id", "organisation"),
    ("programme", "areas"): (ProgrammeArea, "programme_id", "area_id", "area"),
    ("programme", "organisations"): (
        ProgrammeOrganisation, "programme_id", "organisation_id", "organisation",
    ),
    ("quote", "areas"): (QuoteArea, "quote_id", "area_id", "area"),
}  # fmt: skip


_OUTCOMES = ("created", "updated", "renamed", "unchanged", "deleted")


@dataclass
class Report:
    """Per kind: how many records were created, updated, renamed (or merged into another),
    left unchanged or deleted; and the release the run made, if it made one."""

    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {k: dict.fromkeys(_OUTCOMES, 0) for k in KINDS}
    )
    version: str = ""
    renames: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, slug, old)
    redirects_changed: bool = False  # the former slugs declared differ from the database's
    indexed: int | None = None  # search documents written, when the index was rebuilt
    rendered: int | None = None  # record documents written, when they were rendered
    release: int | None = None  # the number of the release this run made

    @property
    def changed(self) -> bool:
        edited = ("created", "updated", "renamed", "deleted")
        return self.redirects_changed or any(c[o] for c in self.counts.values() for o in edited)

    def lines(self) -> list[str]:
        rows = [f"{'':14}" + "".join(f"{o:>10}" for o in _OUTCOMES)]
        for kind, c in self.counts.items():
            rows.append(f"{kind:14}" + "".join(f"{c[o]:>10}" for o in _OUTCOMES))
        return rows


def apply_plan(session: Session, plan: Plan) -> Report:
    """Write the plan through `session`; the caller commits or rolls back."""
    report = Report(version=plan.version)
    report.renames = _rename(session, plan)
    for kind, _, _ in report.renames:
        report.counts[kind]["renamed"] += 1
    report.redirects_changed = _write_former_slugs(session, plan)
    ids: dict[str, dict[str, int]] = {}
    slugs = _slug_maps(session)
    current = {kind: _read_state(session, kind, plan, slugs) for kind in KINDS}
    for kind in reversed(KINDS):  # dependants first, so foreign keys never dangle
        for slug, row_id in current[kind][1].items():
            if slug not in plan.records[kind]:
                _delete(session, kind, row_id)
                if slug not in plan.formerly.get(kind, {}):  # else merged: counted as renamed
                    report.counts[kind]["deleted"] += 1
    for kind in KINDS:
        states, existing_ids = current[kind]
        ids[kind] = {s: i for s, i in existing_ids.items() if s in plan.records[kind]}
        changed = []
        for slug, wanted in plan.records[kind].items():
            if slug not in ids[kind]:
                ids[kind][slug] = _insert(session, kind, ids, slug, wanted)
                report.counts[kind]["created"] += 1
                changed.append(slug)
            elif states[slug] != wanted:
                report.counts[kind]["updated"] += 1
                changed.append(slug)
            else:
                report.counts[kind]["unchanged"] += 1
        for slug in changed:  # self references need every row of the kind to exist
            _write(session, kind, ids, slug, plan.records[kind][slug])
    session.flush()
    return report


def _rename(session: Session, plan: Plan) -> list[tuple[str, str, str]]:
    """Give the rows named by a former slug their record's slug, keeping their ids; a row
    whose record already has a row is merged into it (deleted with the records the plan
    lacks). Returns (kind, slug, former slug) for each."""
    done = []
    for kind in KINDS:
        table, former = TABLES[kind], plan.formerly.get(kind, {})
        if not former:
            continue
        slug_ids = select(table.slug, table.id)  # type: ignore[attr-defined]
        old_rows: dict[str, int] = dict(
            session.execute(slug_ids.where(table.slug.in_(former))).all()
        )  # type: ignore[attr-defined]
        taken = set(
            session.execute(
                select(table.slug).where(table.slug.in_(set(former.values())))
            ).scalars()  # type: ignore[attr-defined]
        )
        for old in sorted(old_rows):
            slug = former[old]
            done.append((kind, slug, old))
            if slug not in taken:
                session.execute(update(table).where(table.id == old_rows[old]).values(slug=slug))  # type: ignore[attr-defined]
                taken.add(slug)
    return done


def _write_former_slugs(session: Session, plan: Plan) -> bool:
    """Make the database's former slugs those the plan declares, and those it held before
    whose record lives on (under the slug it had, or the one it was renamed to now): an
    old address keeps leading to its record through later renames, until the record goes
    or another record takes the slug. True if they changed."""
    kinds = {table.__tablename__: kind for kind, table in TABLES.items()}
    wanted = {
        (TABLES[kind].__tablename__, old): slug
        for kind, former in plan.formerly.items()
        for old, slug in former.items()
    }
    columns = select(FormerSlug.record_table, FormerSlug.slug, FormerSlug.current)  # type: ignore[call-overload]
    held = {(table, old): current for table, old, current in session.execute(columns)}
    for (table, old), current in held.items():
        kind = kinds[table]
        if (table, old) in wanted or old in plan.records[kind]:
            continue
        current = plan.formerly.get(kind, {}).get(current, current)
        if current in plan.records[kind]:
            wanted[(table, old)] = current
    if held == wanted:
        return False
    session.execute(delete(FormerSlug))
    for (table, old), slug in sorted(wanted.items()):
        session.add(FormerSlug(record_table=table, slug=old, current=slug))
    return True


def _read_state(
    session: Session, kind: str, plan: Plan, slugs: dict[str, dict[int, str]]
) -> tuple[dict[str, RecordState], dict[str, int]]:
    """The database's records of one kind, in the plan's shape, and their ids by slug:
    each table read once, not once per record."""
    table = TABLES[kind]
    rows = session.exec(select(table)).scalars().all()  # type: ignore[call-overload]
    links = _read_links(session, kind, slugs)
    citations = _read_citations(session, kind, slugs["source"])
    roles = _read_roles(session, slugs) if kind == "person" else {}
    bases = _read_bases(session, kind)
    states: dict[str, RecordState] = {}
    for row in rows:
        if row.slug not in plan.records[kind]:
            continue
        wanted = plan.records[kind][row.slug]
        states[row.slug] = RecordState(
            columns={c: getattr(row, c) for c in wanted.columns},
            refs={
                c: (target, slugs[target].get(getattr(row, c)))
                for c, (target, _) in wanted.refs.items()
            },
            links={name: sorted(found.get(row.id, [])) for name, found in links.items()},
            citations=citations.get(row.id, []),
            roles=roles.get(row.id, []),
            bases=bases.get(row.id, []),
        )
    return states, {row.slug: row.id for row in rows}


def _slug_maps(session: Session) -> dict[str, dict[int, str]]:
    return {
        kind: dict(session.exec(select(t.id, t.slug)).all())  # type: ignore[attr-defined,call-overload]
        for kind, t in TABLES.items()
    }


def _read_links(
    session: Session, kind: str, slugs: dict[str, dict[int, str]]
) -> dict[str, dict[int, list[str]]]:
    """Per link of `kind`: each record's linked slugs, by record id."""
    links: dict[str, dict[int, list[str]]] = {}
    for (owner, name), (table, own, other, target) in LINKS.items():
        if owner == kind:
            found = links[name] = defaultdict(list)
            query = select(getattr(table, own), getattr(table, other))
            for row_id, other_id in session.execute(query):
                found[row_id].append(slugs[target][other_id])
    return links


def _read_citations(
    session: Session, kind: str, sources: dict[int, str]
) -> dict[int, list[tuple[str, str, int, int]]]:
    """Each record's citations, in their order, by record id."""
    found: dict[int, list[tuple[str, str, int, int]]] = defaultdict(list)
    if kind == "source":
        return found
    owner = getattr(Citation, f"{kind}_id")
    query = select(Citation).where(owner.is_not(None)).order_by(owner, Citation.position)  # type: ignore[arg-type]
    for c in session.exec(query).scalars():  # type: ignore[call-overload]
        found[getattr(c, f"{kind}_id")].append(
            (sources[c.source_id], c.evidence, c.start_offset, c.end_offset)
        )
    return found


def _read_bases(session: Session, kind: str) -> dict[int, list[Basis]]:
    """Each record's bases, in their order, by record id."""
    found: dict[int, list[Basis]] = defaultdict(list)
    query = (
        select(FieldBasis)
        .where(FieldBasis.kind == kind)  # type: ignore[arg-type]
        .order_by(FieldBasis.record_id, FieldBasis.position)  # type: ignore[arg-type]
    )
    for b in session.exec(query).scalars():  # type: ignore[call-overload]
        found[b.record_id].append(Basis(b.field, b.item, b.basis, b.reason))
    return found


def _read_roles(
    session: Session, slugs: dict[str, dict[int, str]]
) -> dict[int, list[tuple[str, str | None]]]:
    """Each person's roles, in their order, by person id."""
    found: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    query = select(PersonRole).order_by(PersonRole.person_id, PersonRole.position)  # type: ignore[arg-type]
    for r in session.exec(query).scalars():  # type: ignore[call-overload]
        organisation = slugs["organisation"].get(r.organisation_id) if r.organisation_id else None
        found[r.person_id].append((r.title, organisation))
    return found


def _insert(
    session: Session, kind: str, ids: dict[str, dict[str, int]], slug: str, wanted: RecordState
) -> int:
    # References to other kinds are known now; references within the kind come later.
    refs = {c: ids[t][s] if s else None for c, (t, s) in wanted.refs.items() if t != kind}
    row = TABLES[kind](slug=slug, **wanted.columns, **refs)
    session.add(row)
    session.flush()
    return row.id  # type: ignore[attr-defined,no-any-return]


def _write(
    session: Session, kind: str, ids: dict[str, dict[str, int]], slug: str, wanted: RecordState
) -> None:
    row_id = ids[kind][slug]
    row = session.get(TABLES[kind], row_id)
    values: dict[str, Any] = dict(wanted.columns)
    values.update({c: ids[t][s] if s else None for c, (t, s) in wanted.refs.items()})
    for column, value in values.items():
        setattr(row, column, value)
    _clear_dependants(session, kind, row_id, keep_row=True)
    for (owner, name), (table, own, other, target) in LINKS.items():
        if owner == kind:
            for ref in wanted.links[name]:
                session.add(table(**{own: row_id, other: ids[target][ref]}))
    for position, (source, evidence, start, end) in enumerate(wanted.citations):
        session.add(
            Citation(
                source_id=ids["source"][source],
                evidence=evidence,
                start_offset=start,
                end_offset=end,
                position=position,
                **{f"{kind}_id": row_id},
            )  # fmt: skip
        )
    for position, b in enumerate(wanted.bases):
        session.add(
            FieldBasis(
                kind=kind,
                record_id=row_id,
                field=b.field,
                item=b.item,
                basis=b.basis,
                reason=b.reason,
                position=position,
            )  # fmt: skip
        )
    for position, (title, organisation) in enumerate(wanted.roles):
        org_id = ids["organisation"][organisation] if organisation else None
        session.add(
            PersonRole(person_id=row_id, title=title, organisation_id=org_id, position=position)
        )
    session.flush()


def _clear_dependants(session: Session, kind: str, row_id: int, *, keep_row: bool) -> None:
    # Explicit deletes: the loader must not depend on ON DELETE CASCADE being enforced.
    for (owner, _), (table, own, _, _) in LINKS.items():
        if owner == kind:
            session.execute(delete(table).where(getattr(table, own) == row_id))
    if kind != "source":
        session.execute(delete(Citation).where(getattr(Citation, f"{kind}_id") == row_id))
    session.execute(
        delete(FieldBasis).where(FieldBasis.kind == kind, FieldBasis.record_id == row_id)  # type: ignore[arg-type]
    )
    if kind == "person":
        session.execute(delete(PersonRole).where(PersonRole.person_id == row_id))  # type: ignore[arg-type]
    if not keep_row:
        session.execute(delete(TABLES[kind]).where(TABLES[kind].id == row_id))  # type: ignore[attr-defined]


def _delete(session: Session, kind: str, row_id: int) -> None:
    _clear_dependants(session, kind, row_id, keep_row=False)
