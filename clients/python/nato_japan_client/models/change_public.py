from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action import Action
from ..models.record_type import RecordType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ChangePublic")



@_attrs_define
class ChangePublic:
    """ One record changed by a release. To keep a mirror: for `deleted`, remove `slug`; for
    `renamed`, remove `formerly`, then fetch `url`; for `created` and `updated`, fetch
    `url` (a record changed again later may answer 301 or 410 by then: a later entry says
    what became of it).

        Attributes:
            release (str): The version of the release that made the change.
            type_ (RecordType):
            slug (str):
            action (Action):
            url (str): The record's address, relative to the service.
            fields (list[str] | None | Unset): The record's top-level fields whose values changed (updated, renamed).
            formerly (None | str | Unset): The slug the record was known by before (renamed).
     """

    release: str
    type_: RecordType
    slug: str
    action: Action
    url: str
    fields: list[str] | None | Unset = UNSET
    formerly: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        release = self.release

        type_ = self.type_.value

        slug = self.slug

        action = self.action.value

        url = self.url

        fields: list[str] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = self.fields


        else:
            fields = self.fields

        formerly: None | str | Unset
        if isinstance(self.formerly, Unset):
            formerly = UNSET
        else:
            formerly = self.formerly


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "release": release,
            "type": type_,
            "slug": slug,
            "action": action,
            "url": url,
        })
        if fields is not UNSET:
            field_dict["fields"] = fields
        if formerly is not UNSET:
            field_dict["formerly"] = formerly

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        release = d.pop("release")

        type_ = RecordType(d.pop("type"))




        slug = d.pop("slug")

        action = Action(d.pop("action"))




        url = d.pop("url")

        def _parse_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = cast(list[str], data)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))


        def _parse_formerly(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        formerly = _parse_formerly(d.pop("formerly", UNSET))


        change_public = cls(
            release=release,
            type_=type_,
            slug=slug,
            action=action,
            url=url,
            fields=fields,
            formerly=formerly,
        )


        change_public.additional_properties = d
        return change_public

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
