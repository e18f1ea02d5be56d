from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_kind import SourceKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SourcePublic")



@_attrs_define
class SourcePublic:
    """ Every field is present unless `fields=` chose others (`slug`, if any, always is).

        Attributes:
            slug (str):
            title (str | Unset):
            publisher (None | str | Unset):
            published (None | str | Unset):
            kind (SourceKind | Unset):
            file_name (str | Unset):
            url (None | str | Unset):
            sha256 (str | Unset):
            length (int | Unset):
            citation_count (int | Unset):
     """

    slug: str
    title: str | Unset = UNSET
    publisher: None | str | Unset = UNSET
    published: None | str | Unset = UNSET
    kind: SourceKind | Unset = UNSET
    file_name: str | Unset = UNSET
    url: None | str | Unset = UNSET
    sha256: str | Unset = UNSET
    length: int | Unset = UNSET
    citation_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        publisher: None | str | Unset
        if isinstance(self.publisher, Unset):
            publisher = UNSET
        else:
            publisher = self.publisher

        published: None | str | Unset
        if isinstance(self.published, Unset):
            published = UNSET
        else:
            published = self.published

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        file_name = self.file_name

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        sha256 = self.sha256

        length = self.length

        citation_count = self.citation_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "slug": slug,
        })
        if title is not UNSET:
            field_dict["title"] = title
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if published is not UNSET:
            field_dict["published"] = published
        if kind is not UNSET:
            field_dict["kind"] = kind
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if url is not UNSET:
            field_dict["url"] = url
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if length is not UNSET:
            field_dict["length"] = length
        if citation_count is not UNSET:
            field_dict["citation_count"] = citation_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title", UNSET)

        def _parse_publisher(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        publisher = _parse_publisher(d.pop("publisher", UNSET))


        def _parse_published(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        published = _parse_published(d.pop("published", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: SourceKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = SourceKind(_kind)




        file_name = d.pop("file_name", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        sha256 = d.pop("sha256", UNSET)

        length = d.pop("length", UNSET)

        citation_count = d.pop("citation_count", UNSET)

        source_public = cls(
            slug=slug,
            title=title,
            publisher=publisher,
            published=published,
            kind=kind,
            file_name=file_name,
            url=url,
            sha256=sha256,
            length=length,
            citation_count=citation_count,
        )


        source_public.additional_properties = d
        return source_public

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
