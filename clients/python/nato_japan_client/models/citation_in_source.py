from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cited_record import CitedRecord





T = TypeVar("T", bound="CitationInSource")



@_attrs_define
class CitationInSource:
    """ A citation seen from its source: which record it supports, and where. Every field is present unless `fields=` chose
    others (`slug`, if any, always is).

        Attributes:
            record (CitedRecord | Unset):
            evidence (str | Unset):
            start (int | Unset):
            end (int | Unset):
     """

    record: CitedRecord | Unset = UNSET
    evidence: str | Unset = UNSET
    start: int | Unset = UNSET
    end: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cited_record import CitedRecord # noqa: PLC0415
        record: dict[str, Any] | Unset = UNSET
        if not isinstance(self.record, Unset):
            record = self.record.to_dict()

        evidence = self.evidence

        start = self.start

        end = self.end


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if record is not UNSET:
            field_dict["record"] = record
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cited_record import CitedRecord # noqa: PLC0415
        d = dict(src_dict)
        _record = d.pop("record", UNSET)
        record: CitedRecord | Unset
        if isinstance(_record,  Unset):
            record = UNSET
        else:
            record = CitedRecord.from_dict(_record)




        evidence = d.pop("evidence", UNSET)

        start = d.pop("start", UNSET)

        end = d.pop("end", UNSET)

        citation_in_source = cls(
            record=record,
            evidence=evidence,
            start=start,
            end=end,
        )


        citation_in_source.additional_properties = d
        return citation_in_source

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
