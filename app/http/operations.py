"""What routes declare to OpenAPI about their answers: a list's page and problems, an
export's formats and media types, a record's problems."""

from collections.abc import Iterable
from typing import Any

from fastapi import Path

from app.core.errors import problem_responses
from app.core.models import MEDIA_TYPES, Format


def list_responses(description: str) -> dict[int | str, Any]:
    """A list route's documented answers: its page (the JSON envelope of its response
    model), and its problems (a 404 when a filter names a record that does not exist, a
    503 when the database cannot answer)."""
    return {200: {"description": description}, **problem_responses(404, 406, 422, 503)}


def export_responses(formats: Iterable[Format]) -> dict[int | str, Any]:
    """An export route's documented answers: the text of each of its `formats` but JSON
    (CSV first, so that a generated client reads any of them as text), and problems."""
    content = {
        MEDIA_TYPES[fmt].split(";")[0]: {"schema": {"type": "string"}}
        for fmt in formats
        if fmt is not Format.json
    }
    described = "Every match (or one page, with `limit=`) in the format of the extension."
    return {
        200: {"description": described, "content": content},
        **problem_responses(404, 406, 422, 503),
    }


def export_format(formats: Iterable[Format]) -> Any:
    """The `{format}` of an export path: one of its `formats` other than JSON."""
    offered = [fmt.value for fmt in formats if fmt is not Format.json]
    return Path(
        alias="format",
        description=f"The export's format: {', '.join(offered)}.",
        pattern=f"^(?:{'|'.join(offered)})$",
        json_schema_extra={"enum": offered},
    )


# A slug that named a record once: a 301 to its record's new slug (the curators declared
# it `formerly:`), or a 410 naming the release that removed it (docs/api.md#releases).
MOVED_RESPONSES: dict[int | str, Any] = {
    301: {
        "description": "Moved permanently: the record is known by another slug now; "
        "`Location` is its address (with the same query).",
        "headers": {
            "Location": {
                "description": "The record's address under its current slug.",
                "schema": {"type": "string", "format": "uri"},
            }
        },
    },
    **problem_responses(410),
}
DETAIL_RESPONSES = {**problem_responses(404, 406, 422, 503), **MOVED_RESPONSES}
