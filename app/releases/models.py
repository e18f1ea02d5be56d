"""The shapes of releases and of the change feed, and what their routes take."""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from app.core.models import MAX_LIMIT, cursor_parameter

# Real answers (tests/releases made them), shown as the document's examples.
_VERSION = "b4db4ef5d2b26ee005af4e72a8494d8c533ce42bd28df8227f8106776cc7938c"
_PREVIOUS = "4dd8ed32dc54539b06d936ddf0aee847a9f0c1e4db413419aa134ab94215258a"
CHANGE_EXAMPLE: dict[str, JsonValue] = {
    "release": _VERSION,
    "type": "event",
    "slug": "nato-japan-first-contacts-early-1990s",
    "action": "updated",
    "fields": ["summary"],
    "formerly": None,
    "url": "/v1/events/nato-japan-first-contacts-early-1990s",
}
RELEASE_EXAMPLE: dict[str, JsonValue] = {
    "version": _VERSION,
    "number": 2,
    "made_at": "2026-11-30T12:48:40.080373Z",
    "previous": _PREVIOUS,
    "current": True,
    "counts": {
        "source": 5,
        "organisation": 33,
        "person": 8,
        "area": 29,
        "programme": 13,
        "event": 49,
        "quote": 28,
    },  # fmt: skip
    "summary": {"created": 1, "updated": 6, "renamed": 1, "deleted": 1},
    "changes_url": f"/v1/changes?since={_PREVIOUS}",
    "package_url": f"/v1/releases/{_VERSION}/package",
}

# What a release's version looks like: the dataset's SHA-256, with `.N` added when the
# data came back to an earlier release's state; `latest` names the newest release.
VERSION = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,105}$"


class RecordType(StrEnum):
    event = "event"
    programme = "programme"
    area = "area"
    quote = "quote"
    person = "person"
    organisation = "organisation"
    source = "source"


class Action(StrEnum):
    created = "created"
    updated = "updated"
    renamed = "renamed"
    deleted = "deleted"


class ChangePublic(BaseModel):
    """One record changed by a release. To keep a mirror: for `deleted`, remove `slug`; for
    `renamed`, remove `formerly`, then fetch `url`; for `created` and `updated`, fetch
    `url` (a record changed again later may answer 301 or 410 by then: a later entry says
    what became of it)."""

    model_config = ConfigDict(json_schema_extra={"examples": [CHANGE_EXAMPLE]})

    release: str = Field(description="The version of the release that made the change.")
    type: RecordType
    slug: str
    action: Action
    fields: list[str] | None = Field(
        default=None,
        description="The record's top-level fields whose values changed (updated, renamed).",
    )
    formerly: str | None = Field(
        default=None, description="The slug the record was known by before (renamed)."
    )
    url: str = Field(description="The record's address, relative to the service.")


class ChangeSummary(BaseModel):
    created: int
    updated: int
    renamed: int
    deleted: int


class ReleasePublic(BaseModel):
    """A release: one seed run that changed the data."""

    model_config = ConfigDict(json_schema_extra={"examples": [RELEASE_EXAMPLE]})

    version: str = Field(description="The dataset version (as ETags and `meta` name it).")
    number: int = Field(description="1 for the first release, then 2, 3…")
    made_at: datetime
    previous: str | None = Field(description="The version of the release before this one.")
    current: bool = Field(description="True for the release the service serves now.")
    counts: dict[str, int] = Field(description="Records of each type in this release.")
    summary: ChangeSummary = Field(description="How many records it changed, by action.")
    changes_url: str = Field(description="Its changes and every later one (`/v1/changes`).")
    package_url: str | None = Field(
        description="Its data package (a ZIP): served for the current release only."
    )


class ReleaseDetail(ReleasePublic):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{**RELEASE_EXAMPLE, "changes": [CHANGE_EXAMPLE]}]}
    )

    changes: list[ChangePublic] = Field(description="Every record it changed, in feed order.")


class ReleaseQuery(BaseModel):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Releases per page.")
    cursor: str | None = cursor_parameter()


class ChangeQuery(BaseModel):
    since: str | None = Field(
        None,
        description="A release's version (`latest`: the newest): only the changes made "
        "after it (keep `meta.data_version` of the last page and pass it next time). "
        "Without it, every change from the first release on.",
        pattern=VERSION,
        max_length=106,
    )
    limit: int | None = Field(
        None,
        ge=1,
        le=MAX_LIMIT,
        description=f"Changes per page, 1–{MAX_LIMIT} (50 by default); an export "
        "(CSV, NDJSON) gives every change unless a limit is given.",
    )
    cursor: str | None = cursor_parameter()
