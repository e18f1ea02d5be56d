from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quote_mode import QuoteMode
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.area_included import AreaIncluded
  from ..models.citation_in_context import CitationInContext
  from ..models.citation_public import CitationPublic
  from ..models.date_span import DateSpan
  from ..models.event_included import EventIncluded
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.organisation_included import OrganisationIncluded
  from ..models.person_included import PersonIncluded
  from ..models.ref import Ref





T = TypeVar("T", bound="QuotePublic")



@_attrs_define
class QuotePublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            text (str | Unset):
            mode (QuoteMode | Unset): `direct`: the speaker's own words; `reported`: indirect speech attributed to them.
            speaker (None | PersonIncluded | Ref | Unset):
            speaker_organisation (None | OrganisationIncluded | Ref | Unset):
            speaker_role (None | str | Unset):
            date (DateSpan | None | Unset):
            event (EventIncluded | None | Ref | Unset):
            source (Ref | Unset): A related record, named by its public slug.
            text_start (int | Unset):
            text_end (int | Unset):
            areas (list[AreaIncluded | Ref] | Unset):
            basis (list[FieldBasisPublic] | Unset):
            note (None | str | Unset):
            citations (list[CitationInContext | CitationPublic] | Unset):
     """

    slug: str
    text: str | Unset = UNSET
    mode: QuoteMode | Unset = UNSET
    speaker: None | PersonIncluded | Ref | Unset = UNSET
    speaker_organisation: None | OrganisationIncluded | Ref | Unset = UNSET
    speaker_role: None | str | Unset = UNSET
    date: DateSpan | None | Unset = UNSET
    event: EventIncluded | None | Ref | Unset = UNSET
    source: Ref | Unset = UNSET
    text_start: int | Unset = UNSET
    text_end: int | Unset = UNSET
    areas: list[AreaIncluded | Ref] | Unset = UNSET
    basis: list[FieldBasisPublic] | Unset = UNSET
    note: None | str | Unset = UNSET
    citations: list[CitationInContext | CitationPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.event_included import EventIncluded # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
        from ..models.person_included import PersonIncluded # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        text = self.text

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value


        speaker: dict[str, Any] | None | Unset
        if isinstance(self.speaker, Unset):
            speaker = UNSET
        elif isinstance(self.speaker, PersonIncluded):
            speaker = self.speaker.to_dict()
        elif isinstance(self.speaker, Ref):
            speaker = self.speaker.to_dict()
        else:
            speaker = self.speaker

        speaker_organisation: dict[str, Any] | None | Unset
        if isinstance(self.speaker_organisation, Unset):
            speaker_organisation = UNSET
        elif isinstance(self.speaker_organisation, OrganisationIncluded):
            speaker_organisation = self.speaker_organisation.to_dict()
        elif isinstance(self.speaker_organisation, Ref):
            speaker_organisation = self.speaker_organisation.to_dict()
        else:
            speaker_organisation = self.speaker_organisation

        speaker_role: None | str | Unset
        if isinstance(self.speaker_role, Unset):
            speaker_role = UNSET
        else:
            speaker_role = self.speaker_role

        date: dict[str, Any] | None | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, DateSpan):
            date = self.date.to_dict()
        else:
            date = self.date

        event: dict[str, Any] | None | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        elif isinstance(self.event, EventIncluded):
            event = self.event.to_dict()
        elif isinstance(self.event, Ref):
            event = self.event.to_dict()
        else:
            event = self.event

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        text_start = self.text_start

        text_end = self.text_end

        areas: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.areas, Unset):
            areas = []
            for areas_item_data in self.areas:
                areas_item: dict[str, Any]
                if isinstance(areas_item_data, AreaIncluded):
                    areas_item = areas_item_data.to_dict()
                else:
                    areas_item = areas_item_data.to_dict()

                areas.append(areas_item)



        basis: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = []
            for basis_item_data in self.basis:
                basis_item = basis_item_data.to_dict()
                basis.append(basis_item)



        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        citations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = []
            for citations_item_data in self.citations:
                citations_item: dict[str, Any]
                if isinstance(citations_item_data, CitationInContext):
                    citations_item = citations_item_data.to_dict()
                else:
                    citations_item = citations_item_data.to_dict()

                citations.append(citations_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "slug": slug,
        })
        if text is not UNSET:
            field_dict["text"] = text
        if mode is not UNSET:
            field_dict["mode"] = mode
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if speaker_organisation is not UNSET:
            field_dict["speaker_organisation"] = speaker_organisation
        if speaker_role is not UNSET:
            field_dict["speaker_role"] = speaker_role
        if date is not UNSET:
            field_dict["date"] = date
        if event is not UNSET:
            field_dict["event"] = event
        if source is not UNSET:
            field_dict["source"] = source
        if text_start is not UNSET:
            field_dict["text_start"] = text_start
        if text_end is not UNSET:
            field_dict["text_end"] = text_end
        if areas is not UNSET:
            field_dict["areas"] = areas
        if basis is not UNSET:
            field_dict["basis"] = basis
        if note is not UNSET:
            field_dict["note"] = note
        if citations is not UNSET:
            field_dict["citations"] = citations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.event_included import EventIncluded # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
        from ..models.person_included import PersonIncluded # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        text = d.pop("text", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: QuoteMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = QuoteMode(_mode)




        def _parse_speaker(data: object) -> None | PersonIncluded | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_0 = PersonIncluded.from_dict(data)



                return speaker_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_1 = Ref.from_dict(data)



                return speaker_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonIncluded | Ref | Unset, data)

        speaker = _parse_speaker(d.pop("speaker", UNSET))


        def _parse_speaker_organisation(data: object) -> None | OrganisationIncluded | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_organisation_type_0 = OrganisationIncluded.from_dict(data)



                return speaker_organisation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_organisation_type_1 = Ref.from_dict(data)



                return speaker_organisation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationIncluded | Ref | Unset, data)

        speaker_organisation = _parse_speaker_organisation(d.pop("speaker_organisation", UNSET))


        def _parse_speaker_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        speaker_role = _parse_speaker_role(d.pop("speaker_role", UNSET))


        def _parse_date(data: object) -> DateSpan | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                date_type_0 = DateSpan.from_dict(data)



                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateSpan | None | Unset, data)

        date = _parse_date(d.pop("date", UNSET))


        def _parse_event(data: object) -> EventIncluded | None | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                event_type_0 = EventIncluded.from_dict(data)



                return event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                event_type_1 = Ref.from_dict(data)



                return event_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventIncluded | None | Ref | Unset, data)

        event = _parse_event(d.pop("event", UNSET))


        _source = d.pop("source", UNSET)
        source: Ref | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = Ref.from_dict(_source)




        text_start = d.pop("text_start", UNSET)

        text_end = d.pop("text_end", UNSET)

        _areas = d.pop("areas", UNSET)
        areas: list[AreaIncluded | Ref] | Unset = UNSET
        if _areas is not UNSET:
            areas = []
            for areas_item_data in _areas:
                def _parse_areas_item(data: object) -> AreaIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        areas_item_type_0 = AreaIncluded.from_dict(data)



                        return areas_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    areas_item_type_1 = Ref.from_dict(data)



                    return areas_item_type_1

                areas_item = _parse_areas_item(areas_item_data)

                areas.append(areas_item)


        _basis = d.pop("basis", UNSET)
        basis: list[FieldBasisPublic] | Unset = UNSET
        if _basis is not UNSET:
            basis = []
            for basis_item_data in _basis:
                basis_item = FieldBasisPublic.from_dict(basis_item_data)



                basis.append(basis_item)


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        _citations = d.pop("citations", UNSET)
        citations: list[CitationInContext | CitationPublic] | Unset = UNSET
        if _citations is not UNSET:
            citations = []
            for citations_item_data in _citations:
                def _parse_citations_item(data: object) -> CitationInContext | CitationPublic:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        citations_item_type_0 = CitationInContext.from_dict(data)



                        return citations_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    citations_item_type_1 = CitationPublic.from_dict(data)



                    return citations_item_type_1

                citations_item = _parse_citations_item(citations_item_data)

                citations.append(citations_item)


        quote_public = cls(
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


        quote_public.additional_properties = d
        return quote_public

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
