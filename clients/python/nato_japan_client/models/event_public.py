from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_kind import EventKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.area_included import AreaIncluded
  from ..models.citation_in_context import CitationInContext
  from ..models.citation_public import CitationPublic
  from ..models.date_span import DateSpan
  from ..models.field_basis_public import FieldBasisPublic
  from ..models.organisation_included import OrganisationIncluded
  from ..models.person_included import PersonIncluded
  from ..models.place import Place
  from ..models.programme_included import ProgrammeIncluded
  from ..models.quote_included import QuoteIncluded
  from ..models.ref import Ref





T = TypeVar("T", bound="EventPublic")



@_attrs_define
class EventPublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            title (str | Unset):
            summary (str | Unset):
            kind (EventKind | Unset): What kind of thing happened.
            date (DateSpan | None | Unset):
            place (Place | Unset):
            areas (list[AreaIncluded | Ref] | Unset):
            programmes (list[ProgrammeIncluded | Ref] | Unset):
            people (list[PersonIncluded | Ref] | Unset):
            organisations (list[OrganisationIncluded | Ref] | Unset):
            quotes (list[QuoteIncluded | Ref] | Unset):
            basis (list[FieldBasisPublic] | Unset):
            note (None | str | Unset):
            citations (list[CitationInContext | CitationPublic] | Unset):
     """

    slug: str
    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    kind: EventKind | Unset = UNSET
    date: DateSpan | None | Unset = UNSET
    place: Place | Unset = UNSET
    areas: list[AreaIncluded | Ref] | Unset = UNSET
    programmes: list[ProgrammeIncluded | Ref] | Unset = UNSET
    people: list[PersonIncluded | Ref] | Unset = UNSET
    organisations: list[OrganisationIncluded | Ref] | Unset = UNSET
    quotes: list[QuoteIncluded | Ref] | Unset = UNSET
    basis: list[FieldBasisPublic] | Unset = UNSET
    note: None | str | Unset = UNSET
    citations: list[CitationInContext | CitationPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.date_span import DateSpan # noqa: PLC0415
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
        from ..models.person_included import PersonIncluded # noqa: PLC0415
        from ..models.place import Place # noqa: PLC0415
        from ..models.programme_included import ProgrammeIncluded # noqa: PLC0415
        from ..models.quote_included import QuoteIncluded # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        title = self.title

        summary = self.summary

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        date: dict[str, Any] | None | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, DateSpan):
            date = self.date.to_dict()
        else:
            date = self.date

        place: dict[str, Any] | Unset = UNSET
        if not isinstance(self.place, Unset):
            place = self.place.to_dict()

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



        programmes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.programmes, Unset):
            programmes = []
            for programmes_item_data in self.programmes:
                programmes_item: dict[str, Any]
                if isinstance(programmes_item_data, ProgrammeIncluded):
                    programmes_item = programmes_item_data.to_dict()
                else:
                    programmes_item = programmes_item_data.to_dict()

                programmes.append(programmes_item)



        people: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.people, Unset):
            people = []
            for people_item_data in self.people:
                people_item: dict[str, Any]
                if isinstance(people_item_data, PersonIncluded):
                    people_item = people_item_data.to_dict()
                else:
                    people_item = people_item_data.to_dict()

                people.append(people_item)



        organisations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.organisations, Unset):
            organisations = []
            for organisations_item_data in self.organisations:
                organisations_item: dict[str, Any]
                if isinstance(organisations_item_data, OrganisationIncluded):
                    organisations_item = organisations_item_data.to_dict()
                else:
                    organisations_item = organisations_item_data.to_dict()

                organisations.append(organisations_item)



        quotes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quotes, Unset):
            quotes = []
            for quotes_item_data in self.quotes:
                quotes_item: dict[str, Any]
                if isinstance(quotes_item_data, QuoteIncluded):
                    quotes_item = quotes_item_data.to_dict()
                else:
                    quotes_item = quotes_item_data.to_dict()

                quotes.append(quotes_item)



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
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if kind is not UNSET:
            field_dict["kind"] = kind
        if date is not UNSET:
            field_dict["date"] = date
        if place is not UNSET:
            field_dict["place"] = place
        if areas is not UNSET:
            field_dict["areas"] = areas
        if programmes is not UNSET:
            field_dict["programmes"] = programmes
        if people is not UNSET:
            field_dict["people"] = people
        if organisations is not UNSET:
            field_dict["organisations"] = organisations
        if quotes is not UNSET:
            field_dict["quotes"] = quotes
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
        from ..models.field_basis_public import FieldBasisPublic # noqa: PLC0415
        from ..models.organisation_included import OrganisationIncluded # noqa: PLC0415
        from ..models.person_included import PersonIncluded # noqa: PLC0415
        from ..models.place import Place # noqa: PLC0415
        from ..models.programme_included import ProgrammeIncluded # noqa: PLC0415
        from ..models.quote_included import QuoteIncluded # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: EventKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = EventKind(_kind)




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


        _place = d.pop("place", UNSET)
        place: Place | Unset
        if isinstance(_place,  Unset):
            place = UNSET
        else:
            place = Place.from_dict(_place)




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


        _programmes = d.pop("programmes", UNSET)
        programmes: list[ProgrammeIncluded | Ref] | Unset = UNSET
        if _programmes is not UNSET:
            programmes = []
            for programmes_item_data in _programmes:
                def _parse_programmes_item(data: object) -> ProgrammeIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        programmes_item_type_0 = ProgrammeIncluded.from_dict(data)



                        return programmes_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    programmes_item_type_1 = Ref.from_dict(data)



                    return programmes_item_type_1

                programmes_item = _parse_programmes_item(programmes_item_data)

                programmes.append(programmes_item)


        _people = d.pop("people", UNSET)
        people: list[PersonIncluded | Ref] | Unset = UNSET
        if _people is not UNSET:
            people = []
            for people_item_data in _people:
                def _parse_people_item(data: object) -> PersonIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        people_item_type_0 = PersonIncluded.from_dict(data)



                        return people_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    people_item_type_1 = Ref.from_dict(data)



                    return people_item_type_1

                people_item = _parse_people_item(people_item_data)

                people.append(people_item)


        _organisations = d.pop("organisations", UNSET)
        organisations: list[OrganisationIncluded | Ref] | Unset = UNSET
        if _organisations is not UNSET:
            organisations = []
            for organisations_item_data in _organisations:
                def _parse_organisations_item(data: object) -> OrganisationIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        organisations_item_type_0 = OrganisationIncluded.from_dict(data)



                        return organisations_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    organisations_item_type_1 = Ref.from_dict(data)



                    return organisations_item_type_1

                organisations_item = _parse_organisations_item(organisations_item_data)

                organisations.append(organisations_item)


        _quotes = d.pop("quotes", UNSET)
        quotes: list[QuoteIncluded | Ref] | Unset = UNSET
        if _quotes is not UNSET:
            quotes = []
            for quotes_item_data in _quotes:
                def _parse_quotes_item(data: object) -> QuoteIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        quotes_item_type_0 = QuoteIncluded.from_dict(data)



                        return quotes_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    quotes_item_type_1 = Ref.from_dict(data)



                    return quotes_item_type_1

                quotes_item = _parse_quotes_item(quotes_item_data)

                quotes.append(quotes_item)


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


        event_public = cls(
            slug=slug,
            title=title,
            summary=summary,
            kind=kind,
            date=date,
            place=place,
            areas=areas,
            programmes=programmes,
            people=people,
            organisations=organisations,
            quotes=quotes,
            basis=basis,
            note=note,
            citations=citations,
        )


        event_public.additional_properties = d
        return event_public

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
