from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.list_meta_facets_type_0 import ListMetaFacetsType0





T = TypeVar("T", bound="ListMeta")



@_attrs_define
class ListMeta:
    """ 
        Attributes:
            returned (int): Number of records in `data`.
            limit (int | None | Unset): Page size used for this page.
            next_cursor (None | str | Unset): Opaque cursor of the next page.
            count (int | None | Unset): Exact total, when `count=true`.
            data_version (None | str | Unset): Version of the seeded dataset.
            facets (ListMetaFacetsType0 | None | Unset):
     """

    returned: int
    limit: int | None | Unset = UNSET
    next_cursor: None | str | Unset = UNSET
    count: int | None | Unset = UNSET
    data_version: None | str | Unset = UNSET
    facets: ListMetaFacetsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_meta_facets_type_0 import ListMetaFacetsType0 # noqa: PLC0415
        returned = self.returned

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        data_version: None | str | Unset
        if isinstance(self.data_version, Unset):
            data_version = UNSET
        else:
            data_version = self.data_version

        facets: dict[str, Any] | None | Unset
        if isinstance(self.facets, Unset):
            facets = UNSET
        elif isinstance(self.facets, ListMetaFacetsType0):
            facets = self.facets.to_dict()
        else:
            facets = self.facets


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "returned": returned,
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if count is not UNSET:
            field_dict["count"] = count
        if data_version is not UNSET:
            field_dict["data_version"] = data_version
        if facets is not UNSET:
            field_dict["facets"] = facets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_meta_facets_type_0 import ListMetaFacetsType0 # noqa: PLC0415
        d = dict(src_dict)
        returned = d.pop("returned")

        def _parse_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))


        def _parse_data_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_version = _parse_data_version(d.pop("data_version", UNSET))


        def _parse_facets(data: object) -> ListMetaFacetsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                facets_type_0 = ListMetaFacetsType0.from_dict(data)



                return facets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ListMetaFacetsType0 | None | Unset, data)

        facets = _parse_facets(d.pop("facets", UNSET))


        list_meta = cls(
            returned=returned,
            limit=limit,
            next_cursor=next_cursor,
            count=count,
            data_version=data_version,
            facets=facets,
        )


        list_meta.additional_properties = d
        return list_meta

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
