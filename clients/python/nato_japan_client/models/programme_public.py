from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.programme_kind import ProgrammeKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.area_included import AreaIncluded
  from ..models.citation_in_context import CitationInContext
  from ..models.citation_public import CitationPublic
  from ..models.date_span import DateSpan
  from ..models.event_included import EventIncluded
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.organisation_included import OrganisationIncluded
  from ..models.programme_included import ProgrammeIncluded
  from ..models.ref import Ref





T = TypeVar("T", bound="ProgrammePublic")



@_attrs_define
class ProgrammePublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            name (str | Unset):
            acronym (None | str | Unset):
            kind (ProgrammeKind | Unset):
            description (str | Unset):
            in_force (DateSpan | None | Unset):
            priority_areas (int | None | Unset):
            predecessor (None | ProgrammeIncluded | Ref | Unset):
            successors (list[ProgrammeIncluded | Ref] | Unset):
            areas (list[AreaIncluded | Ref] | Unset):
            events (list[EventIncluded | Ref] | Unset):
            organisations (list[OrganisationIncluded | Ref] | Unset):
            basis (list[FieldBasisPublic] | Unset):
            note (None | str | Unset):
            citations (list[CitationInContext | CitationPublic] | Unset):
     """

    slug: str
    name: str | Unset = UNSET
    acronym: None | str | Unset = UNSET
    kind: ProgrammeKind | Unset = UNSET
    description: str | Unset = UNSET
    in_force: DateSpan | None | Unset = UNSET
    priority_areas: int | None | Unset = UNSET
    predecessor: None | ProgrammeIncluded | Ref | Unset = UNSET
    successors: list[ProgrammeIncluded | Ref] | Unset = UNSET
    areas: list[AreaIncluded | Ref] | Unset = UNSET
    events: list[EventIncluded | Ref] | Unset = UNSET
    organisations: list[OrganisationIncluded | Ref] | Unset = UNSET
    basis: list[FieldBasisPublic] | Unset = UNSET
    note: None | str | Unset = UNSET
    citations: list[CitationInContext | CitationPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.event_included import EventIncluded # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
        from ..models.programme_included import ProgrammeIncluded # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        name = self.name

        acronym: None | str | Unset
        if isinstance(self.acronym, Unset):
            acronym = UNSET
        else:
            acronym = self.acronym

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        description = self.description

        in_force: dict[str, Any] | None | Unset
        if isinstance(self.in_force, Unset):
            in_force = UNSET
        elif isinstance(self.in_force, DateSpan):
            in_force = self.in_force.to_dict()
        else:
            in_force = self.in_force

        priority_areas: int | None | Unset
        if isinstance(self.priority_areas, Unset):
            priority_areas = UNSET
        else:
            priority_areas = self.priority_areas

        predecessor: dict[str, Any] | None | Unset
        if isinstance(self.predecessor, Unset):
            predecessor = UNSET
        elif isinstance(self.predecessor, ProgrammeIncluded):
            predecessor = self.predecessor.to_dict()
        elif isinstance(self.predecessor, Ref):
            predecessor = self.predecessor.to_dict()
        else:
            predecessor = self.predecessor

        successors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.successors, Unset):
            successors = []
            for successors_item_data in self.successors:
                successors_item: dict[str, Any]
                if isinstance(successors_item_data, ProgrammeIncluded):
                    successors_item = successors_item_data.to_dict()
                else:
                    successors_item = successors_item_data.to_dict()

                successors.append(successors_item)



        areas: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.areas, Unset):
            areas = []
            for areas_item_data in self.areas:
                areas_item: dict[str, Any]
                if isinstance(areas_item_data, AreaIncluded):
                    areas_item = areas_item_data.to_dict()
                else:
                    areas_item = areas_item_data.to_dict()

                areas.append(areas_item)



        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item: dict[str, Any]
                if isinstance(events_item_data, EventIncluded):
                    events_item = events_item_data.to_dict()
                else:
                    events_item = events_item_data.to_dict()

                events.append(events_item)



        organisations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.organisations, Unset):
            organisations = []
            for organisations_item_data in self.organisations:
                organisations_item: dict[str, Any]
                if isinstance(organisations_item_data, OrganisationIncluded):
                    organisations_item = organisations_item_data.to_dict()
                else:
                    organisations_item = organisations_item_data.to_dict()

                organisations.append(organisations_item)



        basis: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = []
            for basis_item_data in self.basis:
                basis_item = basis_item_data.to_dict()
                basis.append(basis_item)



        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item: dict[str, Any]
                if isinstance(citations_item_data, CitationInContext):
                    citations_item = citations_item_data.to_dict()
                else:
                    citations_item = citations_item_data.to_dict()

                citations.append(citations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "slug": slug,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if acronym is not UNSET:
            field_dict["acronym"] = acronym
        if kind is not UNSET:
            field_dict["kind"] = kind
        if description is not UNSET:
            field_dict["description"] = description
        if in_force is not UNSET:
            field_dict["in_force"] = in_force
        if priority_areas is not UNSET:
            field_dict["priority_areas"] = priority_areas
        if predecessor is not UNSET:
            field_dict["predecessor"] = predecessor
        if successors is not UNSET:
            field_dict["successors"] = successors
        if areas is not UNSET:
            field_dict["areas"] = areas
        if events is not UNSET:
            field_dict["events"] = events
        if organisations is not UNSET:
            field_dict["organisations"] = organisations
        if basis is not UNSET:
            field_dict["basis"] = basis
        if note is not UNSET:
            field_dict["note"] = note
        if citations is not UNSET:
            field_dict["citations"] = citations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.event_included import EventIncluded # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
        from ..models.programme_included import ProgrammeIncluded # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name", UNSET)

        def _parse_acronym(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acronym = _parse_acronym(d.pop("acronym", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: ProgrammeKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ProgrammeKind(_kind)




        description = d.pop("description", UNSET)

        def _parse_in_force(data: object) -> DateSpan | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                in_force_type_0 = DateSpan.from_dict(data)



                return in_force_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateSpan | None | Unset, data)

        in_force = _parse_in_force(d.pop("in_force", UNSET))


        def _parse_priority_areas(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority_areas = _parse_priority_areas(d.pop("priority_areas", UNSET))


        def _parse_predecessor(data: object) -> None | ProgrammeIncluded | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                predecessor_type_0 = ProgrammeIncluded.from_dict(data)



                return predecessor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                predecessor_type_1 = Ref.from_dict(data)



                return predecessor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgrammeIncluded | Ref | Unset, data)

        predecessor = _parse_predecessor(d.pop("predecessor", UNSET))


        _successors = d.pop("successors", UNSET)
        successors: list[ProgrammeIncluded | Ref] | Unset = UNSET
        if _successors is not UNSET:
            successors = []
            for successors_item_data in _successors:
                def _parse_successors_item(data: object) -> ProgrammeIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        successors_item_type_0 = ProgrammeIncluded.from_dict(data)



                        return successors_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    successors_item_type_1 = Ref.from_dict(data)



                    return successors_item_type_1

                successors_item = _parse_successors_item(successors_item_data)

                successors.append(successors_item)


        _areas = d.pop("areas", UNSET)
        areas: list[AreaIncluded | Ref] | Unset = UNSET
        if _areas is not UNSET:
            areas = []
            for areas_item_data in _areas:
                def _parse_areas_item(data: object) -> AreaIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        areas_item_type_0 = AreaIncluded.from_dict(data)



                        return areas_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    areas_item_type_1 = Ref.from_dict(data)



                    return areas_item_type_1

                areas_item = _parse_areas_item(areas_item_data)

                areas.append(areas_item)


        _events = d.pop("events", UNSET)
        events: list[EventIncluded | Ref] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                def _parse_events_item(data: object) -> EventIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        events_item_type_0 = EventIncluded.from_dict(data)



                        return events_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    events_item_type_1 = Ref.from_dict(data)



                    return events_item_type_1

                events_item = _parse_events_item(events_item_data)

                events.append(events_item)


        _organisations = d.pop("organisations", UNSET)
        organisations: list[OrganisationIncluded | Ref] | Unset = UNSET
        if _organisations is not UNSET:
            organisations = []
            for organisations_item_data in _organisations:
                def _parse_organisations_item(data: object) -> OrganisationIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        organisations_item_type_0 = OrganisationIncluded.from_dict(data)



                        return organisations_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    organisations_item_type_1 = Ref.from_dict(data)



                    return organisations_item_type_1

                organisations_item = _parse_organisations_item(organisations_item_data)

                organisations.append(organisations_item)


        _basis = d.pop("basis", UNSET)
        basis: list[FieldBasisPublic] | Unset = UNSET
        if _basis is not UNSET:
            basis = []
            for basis_item_data in _basis:
                basis_item = FieldBasisPublic.from_dict(basis_item_data)



                basis.append(basis_item)


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        _citations = d.pop("citations", UNSET)
        citations: list[CitationInContext | CitationPublic] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                def _parse_citations_item(data: object) -> CitationInContext | CitationPublic:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        citations_item_type_0 = CitationInContext.from_dict(data)



                        return citations_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    citations_item_type_1 = CitationPublic.from_dict(data)



                    return citations_item_type_1

                citations_item = _parse_citations_item(citations_item_data)

                citations.append(citations_item)


        programme_public = cls(
            slug=slug,
            name=name,
            acronym=acronym,
            kind=kind,
            description=description,
            in_force=in_force,
            priority_areas=priority_areas,
            predecessor=predecessor,
            successors=successors,
            areas=areas,
            events=events,
            organisations=organisations,
            basis=basis,
            note=note,
            citations=citations,
        )


        programme_public.additional_properties = d
        return programme_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
