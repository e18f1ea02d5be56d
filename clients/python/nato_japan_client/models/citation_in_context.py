from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CitationInContext")



@_attrs_define
class CitationInContext:
    """ A citation as `include=citations` gives it: with its source's title and the text
    around the evidence.

        Attributes:
            source (str):
            evidence (str):
            start (int):
            end (int):
            source_title (str):
            context_before (str): Up to 80 characters before `start`.
            context_after (str): Up to 80 characters after `end`.
     """

    source: str
    evidence: str
    start: int
    end: int
    source_title: str
    context_before: str
    context_after: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        source = self.source

        evidence = self.evidence

        start = self.start

        end = self.end

        source_title = self.source_title

        context_before = self.context_before

        context_after = self.context_after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "source": source,
            "evidence": evidence,
            "start": start,
            "end": end,
            "source_title": source_title,
            "context_before": context_before,
            "context_after": context_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        evidence = d.pop("evidence")

        start = d.pop("start")

        end = d.pop("end")

        source_title = d.pop("source_title")

        context_before = d.pop("context_before")

        context_after = d.pop("context_after")

        citation_in_context = cls(
            source=source,
            evidence=evidence,
            start=start,
            end=end,
            source_title=source_title,
            context_before=context_before,
            context_after=context_after,
        )


        citation_in_context.additional_properties = d
        return citation_in_context

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
