from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organisation_kind import OrganisationKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.citation_in_context import CitationInContext
  from ..models.citation_public import CitationPublic
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.organisation_included import OrganisationIncluded
  from ..models.ref import Ref





T = TypeVar("T", bound="OrganisationPublic")



@_attrs_define
class OrganisationPublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            name (str | Unset):
            acronym (None | str | Unset):
            kind (OrganisationKind | Unset):
            country (None | str | Unset):
            parent (None | OrganisationIncluded | Ref | Unset):
            children (list[OrganisationIncluded | Ref] | Unset):
            basis (list[FieldBasisPublic] | Unset):
            note (None | str | Unset):
            citations (list[CitationInContext | CitationPublic] | Unset):
     """

    slug: str
    name: str | Unset = UNSET
    acronym: None | str | Unset = UNSET
    kind: OrganisationKind | Unset = UNSET
    country: None | str | Unset = UNSET
    parent: None | OrganisationIncluded | Ref | Unset = UNSET
    children: list[OrganisationIncluded | Ref] | Unset = UNSET
    basis: list[FieldBasisPublic] | Unset = UNSET
    note: None | str | Unset = UNSET
    citations: list[CitationInContext | CitationPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
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


        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, OrganisationIncluded):
            parent = self.parent.to_dict()
        elif isinstance(self.parent, Ref):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item: dict[str, Any]
                if isinstance(children_item_data, OrganisationIncluded):
                    children_item = children_item_data.to_dict()
                else:
                    children_item = children_item_data.to_dict()

                children.append(children_item)



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
        if country is not UNSET:
            field_dict["country"] = country
        if parent is not UNSET:
            field_dict["parent"] = parent
        if children is not UNSET:
            field_dict["children"] = children
        if basis is not UNSET:
            field_dict["basis"] = basis
        if note is not UNSET:
            field_dict["note"] = note
        if citations is not UNSET:
            field_dict["citations"] = citations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
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
        kind: OrganisationKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = OrganisationKind(_kind)




        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        def _parse_parent(data: object) -> None | OrganisationIncluded | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_0 = OrganisationIncluded.from_dict(data)



                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_1 = Ref.from_dict(data)



                return parent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationIncluded | Ref | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))


        _children = d.pop("children", UNSET)
        children: list[OrganisationIncluded | Ref] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                def _parse_children_item(data: object) -> OrganisationIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        children_item_type_0 = OrganisationIncluded.from_dict(data)



                        return children_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    children_item_type_1 = Ref.from_dict(data)



                    return children_item_type_1

                children_item = _parse_children_item(children_item_data)

                children.append(children_item)


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


        organisation_public = cls(
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


        organisation_public.additional_properties = d
        return organisation_public

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
