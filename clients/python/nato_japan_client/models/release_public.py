from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.change_summary import ChangeSummary
  from ..models.release_public_counts import ReleasePublicCounts





T = TypeVar("T", bound="ReleasePublic")



@_attrs_define
class ReleasePublic:
    """ A release: one seed run that changed the data.

        Attributes:
            version (str): The dataset version (as ETags and `meta` name it).
            number (int): 1 for the first release, then 2, 3…
            made_at (datetime.datetime):
            previous (None | str): The version of the release before this one.
            current (bool): True for the release the service serves now.
            counts (ReleasePublicCounts): Records of each type in this release.
            summary (ChangeSummary):
            changes_url (str): Its changes and every later one (`/v1/changes`).
            package_url (None | str): Its data package (a ZIP): served for the current release only.
     """

    version: str
    number: int
    made_at: datetime.datetime
    previous: None | str
    current: bool
    counts: ReleasePublicCounts
    summary: ChangeSummary
    changes_url: str
    package_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_summary import ChangeSummary # noqa: PLC0415
        from ..models.release_public_counts import ReleasePublicCounts # noqa: PLC0415
        version = self.version

        number = self.number

        made_at = self.made_at.isoformat()

        previous: None | str
        previous = self.previous

        current = self.current

        counts = self.counts.to_dict()

        summary = self.summary.to_dict()

        changes_url = self.changes_url

        package_url: None | str
        package_url = self.package_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "version": version,
            "number": number,
            "made_at": made_at,
            "previous": previous,
            "current": current,
            "counts": counts,
            "summary": summary,
            "changes_url": changes_url,
            "package_url": package_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_summary import ChangeSummary # noqa: PLC0415
        from ..models.release_public_counts import ReleasePublicCounts # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        number = d.pop("number")

        made_at = datetime.datetime.fromisoformat(d.pop("made_at"))




        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))


        current = d.pop("current")

        counts = ReleasePublicCounts.from_dict(d.pop("counts"))




        summary = ChangeSummary.from_dict(d.pop("summary"))




        changes_url = d.pop("changes_url")

        def _parse_package_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        package_url = _parse_package_url(d.pop("package_url"))


        release_public = cls(
            version=version,
            number=number,
            made_at=made_at,
            previous=previous,
            current=current,
            counts=counts,
            summary=summary,
            changes_url=changes_url,
            package_url=package_url,
        )


        release_public.additional_properties = d
        return release_public

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
