from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.basis_level import BasisLevel
from typing import cast






T = TypeVar("T", bound="FieldBasisPublic")



@_attrs_define
class FieldBasisPublic:
    """ What one value rests on.

        Attributes:
            field (str): The field: `date`, `in_force`, `place.name`, `place.country`, `speaker`, `speaker_organisation`,
                `speaker_role`, `acronym`, `country`, `priority_areas` or `areas`.
            item (None | str): For a link (`areas`): the linked record's slug; null for a field.
            basis (BasisLevel): How far a value is from the words its record cites, nearest first
                (docs/dataset.md, "Basis").
            reason (None | str): The reasoning behind an inferred or external value; null when stated.
     """

    field: str
    item: None | str
    basis: BasisLevel
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        field = self.field

        item: None | str
        item = self.item

        basis = self.basis.value

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "field": field,
            "item": item,
            "basis": basis,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        def _parse_item(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        item = _parse_item(d.pop("item"))


        basis = BasisLevel(d.pop("basis"))




        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        field_basis_public = cls(
            field=field,
            item=item,
            basis=basis,
            reason=reason,
        )


        field_basis_public.additional_properties = d
        return field_basis_public

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
