from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.timeline_item import TimelineItem





T = TypeVar("T", bound="TimelineYear")



@_attrs_define
class TimelineYear:
    """ 
        Attributes:
            year (int):
            items (list[TimelineItem]):
     """

    year: int
    items: list[TimelineItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.timeline_item import TimelineItem # noqa: PLC0415
        year = self.year

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "year": year,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_item import TimelineItem # noqa: PLC0415
        d = dict(src_dict)
        year = d.pop("year")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = TimelineItem.from_dict(items_item_data)



            items.append(items_item)


        timeline_year = cls(
            year=year,
            items=items,
        )


        timeline_year.additional_properties = d
        return timeline_year

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
