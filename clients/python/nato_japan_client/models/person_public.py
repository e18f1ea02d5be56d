from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.citation_in_context import CitationInContext
  from ..models.citation_public import CitationPublic
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.role_public import RolePublic





T = TypeVar("T", bound="PersonPublic")



@_attrs_define
class PersonPublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            name (str | Unset):
            country (None | str | Unset):
            roles (list[RolePublic] | Unset):
            basis (list[FieldBasisPublic] | Unset):
            note (None | str | Unset):
            citations (list[CitationInContext | CitationPublic] | Unset):
     """

    slug: str
    name: str | Unset = UNSET
    country: None | str | Unset = UNSET
    roles: list[RolePublic] | Unset = UNSET
    basis: list[FieldBasisPublic] | Unset = UNSET
    note: None | str | Unset = UNSET
    citations: list[CitationInContext | CitationPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.role_public import RolePublic # noqa: PLC0415
        slug = self.slug

        name = self.name

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        roles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.to_dict()
                roles.append(roles_item)



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
        if country is not UNSET:
            field_dict["country"] = country
        if roles is not UNSET:
            field_dict["roles"] = roles
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
        from ..models.role_public import RolePublic # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name", UNSET)

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        _roles = d.pop("roles", UNSET)
        roles: list[RolePublic] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = RolePublic.from_dict(roles_item_data)



                roles.append(roles_item)


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


        person_public = cls(
            slug=slug,
            name=name,
            country=country,
            roles=roles,
            basis=basis,
            note=note,
            citations=citations,
        )


        person_public.additional_properties = d
        return person_public

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
