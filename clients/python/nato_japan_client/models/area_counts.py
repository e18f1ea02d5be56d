from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AreaCounts")



@_attrs_define
class AreaCounts:
    """ Records linked to the area or to any of its sub-areas (as the `area=` filters match).

        Attributes:
            events (int):
            programmes (int):
            quotes (int):
     """

    events: int
    programmes: int
    quotes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        events = self.events

        programmes = self.programmes

        quotes = self.quotes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "events": events,
            "programmes": programmes,
            "quotes": quotes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = d.pop("events")

        programmes = d.pop("programmes")

        quotes = d.pop("quotes")

        area_counts = cls(
            events=events,
            programmes=programmes,
            quotes=quotes,
        )


        area_counts.additional_properties = d
        return area_counts

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
