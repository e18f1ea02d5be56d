from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.dataset_about import DatasetAbout





T = TypeVar("T", bound="Meta")



@_attrs_define
class Meta:
    """ 
        Attributes:
            api_version (str): The service's version, as in the OpenAPI document.
            schema_revision (str): The database's migration (Alembic).
            dataset (DatasetAbout):
     """

    api_version: str
    schema_revision: str
    dataset: DatasetAbout
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dataset_about import DatasetAbout # noqa: PLC0415
        api_version = self.api_version

        schema_revision = self.schema_revision

        dataset = self.dataset.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "api_version": api_version,
            "schema_revision": schema_revision,
            "dataset": dataset,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dataset_about import DatasetAbout # noqa: PLC0415
        d = dict(src_dict)
        api_version = d.pop("api_version")

        schema_revision = d.pop("schema_revision")

        dataset = DatasetAbout.from_dict(d.pop("dataset"))




        meta = cls(
            api_version=api_version,
            schema_revision=schema_revision,
            dataset=dataset,
        )


        meta.additional_properties = d
        return meta

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
