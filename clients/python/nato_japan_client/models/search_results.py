from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.list_links import ListLinks
  from ..models.list_meta import ListMeta
  from ..models.search_hit import SearchHit





T = TypeVar("T", bound="SearchResults")



@_attrs_define
class SearchResults:
    """ Hits in `data`, best first; `meta` and `links` as on every list.

        Attributes:
            data (list[SearchHit]):
            meta (ListMeta):
            links (ListLinks):
     """

    data: list[SearchHit]
    meta: ListMeta
    links: ListLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_links import ListLinks # noqa: PLC0415
        from ..models.list_meta import ListMeta # noqa: PLC0415
        from ..models.search_hit import SearchHit # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        meta = self.meta.to_dict()

        links = self.links.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "meta": meta,
            "links": links,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_links import ListLinks # noqa: PLC0415
        from ..models.list_meta import ListMeta # noqa: PLC0415
        from ..models.search_hit import SearchHit # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = SearchHit.from_dict(data_item_data)



            data.append(data_item)


        meta = ListMeta.from_dict(d.pop("meta"))




        links = ListLinks.from_dict(d.pop("links"))




        search_results = cls(
            data=data,
            meta=meta,
            links=links,
        )


        search_results.additional_properties = d
        return search_results

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
