from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.programme_kind import ProgrammeKind
from typing import cast

if TYPE_CHECKING:
  from ..models.citation_public import CitationPublic
  from ..models.date_span import DateSpan
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.ref import Ref





T = TypeVar("T", bound="ProgrammeIncluded")



@_attrs_define
class ProgrammeIncluded:
    """ The whole record, as `include=` embeds it.

        Attributes:
            slug (str):
            name (str):
            acronym (None | str):
            kind (ProgrammeKind):
            description (str):
            in_force (DateSpan | None):
            priority_areas (int | None):
            predecessor (None | Ref):
            successors (list[Ref]):
            areas (list[Ref]):
            events (list[Ref]):
            organisations (list[Ref]):
            basis (list[FieldBasisPublic]):
            note (None | str):
            citations (list[CitationPublic]):
     """

    slug: str
    name: str
    acronym: None | str
    kind: ProgrammeKind
    description: str
    in_force: DateSpan | None
    priority_areas: int | None
    predecessor: None | Ref
    successors: list[Ref]
    areas: list[Ref]
    events: list[Ref]
    organisations: list[Ref]
    basis: list[FieldBasisPublic]
    note: None | str
    citations: list[CitationPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        name = self.name

        acronym: None | str
        acronym = self.acronym

        kind = self.kind.value

        description = self.description

        in_force: dict[str, Any] | None
        if isinstance(self.in_force, DateSpan):
            in_force = self.in_force.to_dict()
        else:
            in_force = self.in_force

        priority_areas: int | None
        priority_areas = self.priority_areas

        predecessor: dict[str, Any] | None
        if isinstance(self.predecessor, Ref):
            predecessor = self.predecessor.to_dict()
        else:
            predecessor = self.predecessor

        successors = []
        for successors_item_data in self.successors:
            successors_item = successors_item_data.to_dict()
            successors.append(successors_item)



        areas = []
        for areas_item_data in self.areas:
            areas_item = areas_item_data.to_dict()
            areas.append(areas_item)



        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        organisations = []
        for organisations_item_data in self.organisations:
            organisations_item = organisations_item_data.to_dict()
            organisations.append(organisations_item)



        basis = []
        for basis_item_data in self.basis:
            basis_item = basis_item_data.to_dict()
            basis.append(basis_item)



        note: None | str
        note = self.note

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "slug": slug,
            "name": name,
            "acronym": acronym,
            "kind": kind,
            "description": description,
            "in_force": in_force,
            "priority_areas": priority_areas,
            "predecessor": predecessor,
            "successors": successors,
            "areas": areas,
            "events": events,
            "organisations": organisations,
            "basis": basis,
            "note": note,
            "citations": citations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        def _parse_acronym(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acronym = _parse_acronym(d.pop("acronym"))


        kind = ProgrammeKind(d.pop("kind"))




        description = d.pop("description")

        def _parse_in_force(data: object) -> DateSpan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                in_force_type_0 = DateSpan.from_dict(data)



                return in_force_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateSpan | None, data)

        in_force = _parse_in_force(d.pop("in_force"))


        def _parse_priority_areas(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        priority_areas = _parse_priority_areas(d.pop("priority_areas"))


        def _parse_predecessor(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                predecessor_type_0 = Ref.from_dict(data)



                return predecessor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        predecessor = _parse_predecessor(d.pop("predecessor"))


        successors = []
        _successors = d.pop("successors")
        for successors_item_data in (_successors):
            successors_item = Ref.from_dict(successors_item_data)



            successors.append(successors_item)


        areas = []
        _areas = d.pop("areas")
        for areas_item_data in (_areas):
            areas_item = Ref.from_dict(areas_item_data)



            areas.append(areas_item)


        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = Ref.from_dict(events_item_data)



            events.append(events_item)


        organisations = []
        _organisations = d.pop("organisations")
        for organisations_item_data in (_organisations):
            organisations_item = Ref.from_dict(organisations_item_data)



            organisations.append(organisations_item)


        basis = []
        _basis = d.pop("basis")
        for basis_item_data in (_basis):
            basis_item = FieldBasisPublic.from_dict(basis_item_data)



            basis.append(basis_item)


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        citations = []
        _citations = d.pop("citations")
        for citations_item_data in (_citations):
            citations_item = CitationPublic.from_dict(citations_item_data)



            citations.append(citations_item)


        programme_included = cls(
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


        programme_included.additional_properties = d
        return programme_included

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
