from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quote_mode import QuoteMode
from typing import cast

if TYPE_CHECKING:
  from ..models.citation_public import CitationPublic
  from ..models.date_span import DateSpan
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.ref import Ref





T = TypeVar("T", bound="QuoteIncluded")



@_attrs_define
class QuoteIncluded:
    """ The whole record, as `include=` embeds it.

        Attributes:
            slug (str):
            text (str):
            mode (QuoteMode): `direct`: the speaker's own words; `reported`: indirect speech attributed to them.
            speaker (None | Ref):
            speaker_organisation (None | Ref):
            speaker_role (None | str):
            date (DateSpan | None):
            event (None | Ref):
            source (Ref): A related record, named by its public slug.
            text_start (int):
            text_end (int):
            areas (list[Ref]):
            basis (list[FieldBasisPublic]):
            note (None | str):
            citations (list[CitationPublic]):
     """

    slug: str
    text: str
    mode: QuoteMode
    speaker: None | Ref
    speaker_organisation: None | Ref
    speaker_role: None | str
    date: DateSpan | None
    event: None | Ref
    source: Ref
    text_start: int
    text_end: int
    areas: list[Ref]
    basis: list[FieldBasisPublic]
    note: None | str
    citations: list[CitationPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        text = self.text

        mode = self.mode.value

        speaker: dict[str, Any] | None
        if isinstance(self.speaker, Ref):
            speaker = self.speaker.to_dict()
        else:
            speaker = self.speaker

        speaker_organisation: dict[str, Any] | None
        if isinstance(self.speaker_organisation, Ref):
            speaker_organisation = self.speaker_organisation.to_dict()
        else:
            speaker_organisation = self.speaker_organisation

        speaker_role: None | str
        speaker_role = self.speaker_role

        date: dict[str, Any] | None
        if isinstance(self.date, DateSpan):
            date = self.date.to_dict()
        else:
            date = self.date

        event: dict[str, Any] | None
        if isinstance(self.event, Ref):
            event = self.event.to_dict()
        else:
            event = self.event

        source = self.source.to_dict()

        text_start = self.text_start

        text_end = self.text_end

        areas = []
        for areas_item_data in self.areas:
            areas_item = areas_item_data.to_dict()
            areas.append(areas_item)



        basis = []
        for basis_item_data in self.basis:
            basis_item = basis_item_data.to_dict()
            basis.append(basis_item)



        note: None | str
        note = self.note

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "slug": slug,
            "text": text,
            "mode": mode,
            "speaker": speaker,
            "speaker_organisation": speaker_organisation,
            "speaker_role": speaker_role,
            "date": date,
            "event": event,
            "source": source,
            "text_start": text_start,
            "text_end": text_end,
            "areas": areas,
            "basis": basis,
            "note": note,
            "citations": citations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        text = d.pop("text")

        mode = QuoteMode(d.pop("mode"))




        def _parse_speaker(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_0 = Ref.from_dict(data)



                return speaker_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        speaker = _parse_speaker(d.pop("speaker"))


        def _parse_speaker_organisation(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_organisation_type_0 = Ref.from_dict(data)



                return speaker_organisation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        speaker_organisation = _parse_speaker_organisation(d.pop("speaker_organisation"))


        def _parse_speaker_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        speaker_role = _parse_speaker_role(d.pop("speaker_role"))


        def _parse_date(data: object) -> DateSpan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                date_type_0 = DateSpan.from_dict(data)



                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateSpan | None, data)

        date = _parse_date(d.pop("date"))


        def _parse_event(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                event_type_0 = Ref.from_dict(data)



                return event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        event = _parse_event(d.pop("event"))


        source = Ref.from_dict(d.pop("source"))




        text_start = d.pop("text_start")

        text_end = d.pop("text_end")

        areas = []
        _areas = d.pop("areas")
        for areas_item_data in (_areas):
            areas_item = Ref.from_dict(areas_item_data)



            areas.append(areas_item)


        basis = []
        _basis = d.pop("basis")
        for basis_item_data in (_basis):
            basis_item = FieldBasisPublic.from_dict(basis_item_data)



            basis.append(basis_item)


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        citations = []
        _citations = d.pop("citations")
        for citations_item_data in (_citations):
            citations_item = CitationPublic.from_dict(citations_item_data)



            citations.append(citations_item)


        quote_included = cls(
            slug=slug,
            text=text,
            mode=mode,
            speaker=speaker,
            speaker_organisation=speaker_organisation,
            speaker_role=speaker_role,
            date=date,
            event=event,
            source=source,
            text_start=text_start,
            text_end=text_end,
            areas=areas,
            basis=basis,
            note=note,
            citations=citations,
        )


        quote_included.additional_properties = d
        return quote_included

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
