from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.item_type import ItemType
from typing import cast

if TYPE_CHECKING:
  from ..models.date_span import DateSpan





T = TypeVar("T", bound="TimelineItem")



@_attrs_define
class TimelineItem:
    """ 
        Attributes:
            type_ (ItemType):
            slug (str):
            title (str):
            kind (str):
            date (DateSpan): A date or span as the sources support it.
            url (str):
     """

    type_: ItemType
    slug: str
    title: str
    kind: str
    date: DateSpan
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.date_span import DateSpan # noqa: PLC0415
        type_ = self.type_.value

        slug = self.slug

        title = self.title

        kind = self.kind

        date = self.date.to_dict()

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "slug": slug,
            "title": title,
            "kind": kind,
            "date": date,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.date_span import DateSpan # noqa: PLC0415
        d = dict(src_dict)
        type_ = ItemType(d.pop("type"))




        slug = d.pop("slug")

        title = d.pop("title")

        kind = d.pop("kind")

        date = DateSpan.from_dict(d.pop("date"))




        url = d.pop("url")

        timeline_item = cls(
            type_=type_,
            slug=slug,
            title=title,
            kind=kind,
            date=date,
            url=url,
        )


        timeline_item.additional_properties = d
        return timeline_item

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
