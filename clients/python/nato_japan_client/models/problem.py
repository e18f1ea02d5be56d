from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.invalid_param import InvalidParam





T = TypeVar("T", bound="Problem")



@_attrs_define
class Problem:
    """ RFC 9457 problem details.

        Attributes:
            type_ (str): URI reference naming the kind of problem.
            title (str):
            status (int):
            detail (str):
            instance (None | str | Unset): The request path that failed; absent when a request was refused before its path
                was read (a request line too long: 414).
            invalid_params (list[InvalidParam] | None | Unset):
            release (None | str | Unset): On a 410: the version of the release that removed the record asked for, or, for an
                earlier release's package, of the release that replaced it (`/v1/releases/{version}`).
     """

    type_: str
    title: str
    status: int
    detail: str
    instance: None | str | Unset = UNSET
    invalid_params: list[InvalidParam] | None | Unset = UNSET
    release: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.invalid_param import InvalidParam # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance: None | str | Unset
        if isinstance(self.instance, Unset):
            instance = UNSET
        else:
            instance = self.instance

        invalid_params: list[dict[str, Any]] | None | Unset
        if isinstance(self.invalid_params, Unset):
            invalid_params = UNSET
        elif isinstance(self.invalid_params, list):
            invalid_params = []
            for invalid_params_type_0_item_data in self.invalid_params:
                invalid_params_type_0_item = invalid_params_type_0_item_data.to_dict()
                invalid_params.append(invalid_params_type_0_item)


        else:
            invalid_params = self.invalid_params

        release: None | str | Unset
        if isinstance(self.release, Unset):
            release = UNSET
        else:
            release = self.release


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "detail": detail,
        })
        if instance is not UNSET:
            field_dict["instance"] = instance
        if invalid_params is not UNSET:
            field_dict["invalid-params"] = invalid_params
        if release is not UNSET:
            field_dict["release"] = release

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invalid_param import InvalidParam # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        def _parse_instance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance = _parse_instance(d.pop("instance", UNSET))


        def _parse_invalid_params(data: object) -> list[InvalidParam] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                invalid_params_type_0 = []
                _invalid_params_type_0 = data
                for invalid_params_type_0_item_data in (_invalid_params_type_0):
                    invalid_params_type_0_item = InvalidParam.from_dict(invalid_params_type_0_item_data)



                    invalid_params_type_0.append(invalid_params_type_0_item)

                return invalid_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvalidParam] | None | Unset, data)

        invalid_params = _parse_invalid_params(d.pop("invalid-params", UNSET))


        def _parse_release(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release = _parse_release(d.pop("release", UNSET))


        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            invalid_params=invalid_params,
            release=release,
        )


        problem.additional_properties = d
        return problem

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
