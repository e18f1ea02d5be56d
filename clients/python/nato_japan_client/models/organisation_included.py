from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organisation_kind import OrganisationKind
from typing import cast

if TYPE_CHECKING:
  from ..models.citation_public import CitationPublic
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.ref import Ref





T = TypeVar("T", bound="OrganisationIncluded")



@_attrs_define
class OrganisationIncluded:
    """ The whole record, as `include=` embeds it.

        Attributes:
            slug (str):
            name (str):
            acronym (None | str):
            kind (OrganisationKind):
            country (None | str):
            parent (None | Ref):
            children (list[Ref]):
            basis (list[FieldBasisPublic]):
            note (None | str):
            citations (list[CitationPublic]):
     """

    slug: str
    name: str
    acronym: None | str
    kind: OrganisationKind
    country: None | str
    parent: None | Ref
    children: list[Ref]
    basis: list[FieldBasisPublic]
    note: None | str
    citations: list[CitationPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        name = self.name

        acronym: None | str
        acronym = self.acronym

        kind = self.kind.value

        country: None | str
        country = self.country

        parent: dict[str, Any] | None
        if isinstance(self.parent, Ref):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)



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
            "country": country,
            "parent": parent,
            "children": children,
            "basis": basis,
            "note": note,
            "citations": citations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_public import CitationPublic # noqa: PLC0415
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


        kind = OrganisationKind(d.pop("kind"))




        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))


        def _parse_parent(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_0 = Ref.from_dict(data)



                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        parent = _parse_parent(d.pop("parent"))


        children = []
        _children = d.pop("children")
        for children_item_data in (_children):
            children_item = Ref.from_dict(children_item_data)



            children.append(children_item)


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


        organisation_included = cls(
            slug=slug,
            name=name,
            acronym=acronym,
            kind=kind,
            country=country,
            parent=parent,
            children=children,
            basis=basis,
            note=note,
            citations=citations,
        )


        organisation_included.additional_properties = d
        return organisation_included

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
