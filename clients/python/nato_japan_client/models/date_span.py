from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.precision import Precision
from typing import cast
import datetime






T = TypeVar("T", bound="DateSpan")



@_attrs_define
class DateSpan:
    """ A date or span as the sources support it.

        Attributes:
            start (None | str): Start as a partial ISO date at its precision.
            end (None | str): End as a partial ISO date; null when open-ended.
            start_precision (None | Precision):
            end_precision (None | Precision):
            earliest (datetime.date | None): First day the span can cover.
            latest (datetime.date | None): Last day the span can cover; null if open.
            label (None | str): Wording of an approximate date, e.g. 'early 1990s'.
            note (None | str): How the date was worked out from the text.
     """

    start: None | str
    end: None | str
    start_precision: None | Precision
    end_precision: None | Precision
    earliest: datetime.date | None
    latest: datetime.date | None
    label: None | str
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        start: None | str
        start = self.start

        end: None | str
        end = self.end

        start_precision: None | str
        if isinstance(self.start_precision, Precision):
            start_precision = self.start_precision.value
        else:
            start_precision = self.start_precision

        end_precision: None | str
        if isinstance(self.end_precision, Precision):
            end_precision = self.end_precision.value
        else:
            end_precision = self.end_precision

        earliest: None | str
        if isinstance(self.earliest, datetime.date):
            earliest = self.earliest.isoformat()
        else:
            earliest = self.earliest

        latest: None | str
        if isinstance(self.latest, datetime.date):
            latest = self.latest.isoformat()
        else:
            latest = self.latest

        label: None | str
        label = self.label

        note: None | str
        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "start": start,
            "end": end,
            "start_precision": start_precision,
            "end_precision": end_precision,
            "earliest": earliest,
            "latest": latest,
            "label": label,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_start(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        start = _parse_start(d.pop("start"))


        def _parse_end(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end = _parse_end(d.pop("end"))


        def _parse_start_precision(data: object) -> None | Precision:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_precision_type_0 = Precision(data)



                return start_precision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Precision, data)

        start_precision = _parse_start_precision(d.pop("start_precision"))


        def _parse_end_precision(data: object) -> None | Precision:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_precision_type_0 = Precision(data)



                return end_precision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Precision, data)

        end_precision = _parse_end_precision(d.pop("end_precision"))


        def _parse_earliest(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                earliest_type_0 = datetime.date.fromisoformat(data)



                return earliest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        earliest = _parse_earliest(d.pop("earliest"))


        def _parse_latest(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_type_0 = datetime.date.fromisoformat(data)



                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        latest = _parse_latest(d.pop("latest"))


        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        date_span = cls(
            start=start,
            end=end,
            start_precision=start_precision,
            end_precision=end_precision,
            earliest=earliest,
            latest=latest,
            label=label,
            note=note,
        )


        date_span.additional_properties = d
        return date_span

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
