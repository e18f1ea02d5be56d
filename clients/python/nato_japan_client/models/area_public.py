from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.area_counts import AreaCounts
  from ..models.area_included import AreaIncluded
  from ..models.citation_in_context import CitationInContext
  from ..models.citation_public import CitationPublic
  from ..models.ref import Ref





T = TypeVar("T", bound="AreaPublic")



@_attrs_define
class AreaPublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            name (str | Unset):
            aliases (list[str] | Unset):
            description (str | Unset):
            parent (AreaIncluded | None | Ref | Unset):
            children (list[AreaIncluded | Ref] | Unset):
            counts (AreaCounts | Unset): Records linked to the area or to any of its sub-areas (as the `area=` filters
                match).
            note (None | str | Unset):
            citations (list[CitationInContext | CitationPublic] | Unset):
     """

    slug: str
    name: str | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    parent: AreaIncluded | None | Ref | Unset = UNSET
    children: list[AreaIncluded | Ref] | Unset = UNSET
    counts: AreaCounts | Unset = UNSET
    note: None | str | Unset = UNSET
    citations: list[CitationInContext | CitationPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.area_counts import AreaCounts # noqa: PLC0415
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        slug = self.slug

        name = self.name

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases



        description = self.description

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, AreaIncluded):
            parent = self.parent.to_dict()
        elif isinstance(self.parent, Ref):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item: dict[str, Any]
                if isinstance(children_item_data, AreaIncluded):
                    children_item = children_item_data.to_dict()
                else:
                    children_item = children_item_data.to_dict()

                children.append(children_item)



        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()

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
        if name is not UNSET:
            field_dict["name"] = name
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if description is not UNSET:
            field_dict["description"] = description
        if parent is not UNSET:
            field_dict["parent"] = parent
        if children is not UNSET:
            field_dict["children"] = children
        if counts is not UNSET:
            field_dict["counts"] = counts
        if note is not UNSET:
            field_dict["note"] = note
        if citations is not UNSET:
            field_dict["citations"] = citations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_counts import AreaCounts # noqa: PLC0415
        from ..models.area_included import AreaIncluded # noqa: PLC0415
        from ..models.citation_in_context import CitationInContext # noqa: PLC0415
        from ..models.citation_public import CitationPublic # noqa: PLC0415
        from ..models.ref import Ref # noqa: PLC0415
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name", UNSET)

        aliases = cast(list[str], d.pop("aliases", UNSET))


        description = d.pop("description", UNSET)

        def _parse_parent(data: object) -> AreaIncluded | None | Ref | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_0 = AreaIncluded.from_dict(data)



                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_1 = Ref.from_dict(data)



                return parent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AreaIncluded | None | Ref | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))


        _children = d.pop("children", UNSET)
        children: list[AreaIncluded | Ref] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                def _parse_children_item(data: object) -> AreaIncluded | Ref:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        children_item_type_0 = AreaIncluded.from_dict(data)



                        return children_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    children_item_type_1 = Ref.from_dict(data)



                    return children_item_type_1

                children_item = _parse_children_item(children_item_data)

                children.append(children_item)


        _counts = d.pop("counts", UNSET)
        counts: AreaCounts | Unset
        if isinstance(_counts,  Unset):
            counts = UNSET
        else:
            counts = AreaCounts.from_dict(_counts)




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


        area_public = cls(
            slug=slug,
            name=name,
            aliases=aliases,
            description=description,
            parent=parent,
            children=children,
            counts=counts,
            note=note,
            citations=citations,
        )


        area_public.additional_properties = d
        return area_public

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
