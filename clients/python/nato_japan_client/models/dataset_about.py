from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.dataset_about_counts import DatasetAboutCounts





T = TypeVar("T", bound="DatasetAbout")



@_attrs_define
class DatasetAbout:
    """ 
        Attributes:
            version (str): SHA-256 over the seed files; every ETag depends on it.
            seeded_at (datetime.datetime): When this version was seeded (`Last-Modified`).
            counts (DatasetAboutCounts): Records per resource, by its path's name.
     """

    version: str
    seeded_at: datetime.datetime
    counts: DatasetAboutCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dataset_about_counts import DatasetAboutCounts # noqa: PLC0415
        version = self.version

        seeded_at = self.seeded_at.isoformat()

        counts = self.counts.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "version": version,
            "seeded_at": seeded_at,
            "counts": counts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dataset_about_counts import DatasetAboutCounts # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        seeded_at = datetime.datetime.fromisoformat(d.pop("seeded_at"))




        counts = DatasetAboutCounts.from_dict(d.pop("counts"))




        dataset_about = cls(
            version=version,
            seeded_at=seeded_at,
            counts=counts,
        )


        dataset_about.additional_properties = d
        return dataset_about

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
