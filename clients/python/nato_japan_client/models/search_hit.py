from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SearchHit")



@_attrs_define
class SearchHit:
    """ 
        Attributes:
            type_ (str): The resource: event, programme, area, quote, person, ...
            slug (str):
            title (str):
            snippet (str): Matching passage; matches wrapped in <mark>…</mark>.
            rank (float): Relevance; higher is better. Comparable within one query.
            url (str): Path of the record.
     """

    type_: str
    slug: str
    title: str
    snippet: str
    rank: float
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        slug = self.slug

        title = self.title

        snippet = self.snippet

        rank = self.rank

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "slug": slug,
            "title": title,
            "snippet": snippet,
            "rank": rank,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        slug = d.pop("slug")

        title = d.pop("title")

        snippet = d.pop("snippet")

        rank = d.pop("rank")

        url = d.pop("url")

        search_hit = cls(
            type_=type_,
            slug=slug,
            title=title,
            snippet=snippet,
            rank=rank,
            url=url,
        )


        search_hit.additional_properties = d
        return search_hit

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
