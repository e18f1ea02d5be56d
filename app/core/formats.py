"""Content negotiation, and NDJSON lines (CSV is in `app.core.csv_rows`)."""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import Request

from app.core.errors import InvalidParameter, NotAcceptable
from app.core.params import Format

MEDIA_TYPES = {
    Format.json: "application/json",
    Format.csv: "text/csv; charset=utf-8",
    Format.ndjson: "application/x-ndjson",
    Format.ics: "text/calendar; charset=utf-8",
}
_ACCEPTED = {
    "application/json": Format.json,
    "application/*": Format.json,
    "*/*": Format.json,
    "text/csv": Format.csv,
    "text/*": Format.csv,
    "application/x-ndjson": Format.ndjson,
    "application/ndjson": Format.ndjson,
    "application/jsonl": Format.ndjson,
    "text/calendar": Format.ics,
}


def negotiate(request: Request, requested: Format | None, allowed: tuple[Format, ...]) -> Format:
    """`format=` wins; otherwise the Accept header's most preferred format we serve."""
    if requested is not None:
        if requested not in allowed:
            names = ", ".join(allowed)
            raise InvalidParameter("query.format", f"{requested} is not served here; use {names}")
        return requested
    header = request.headers.get("accept", "")
    if not header.strip():
        return Format.json
    choices = []
    for position, item in enumerate(header.split(",")):
        media, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        fmt = _ACCEPTED.get(media.strip().lower())
        if fmt is not None and fmt in allowed and quality > 0:
            choices.append((-quality, position, fmt))
    if not choices:
        offered = ", ".join(MEDIA_TYPES[f].split(";")[0] for f in allowed)
        raise NotAcceptable(f"Cannot answer with {header!r}; this resource offers {offered}.")
    return min(choices)[2]


def ndjson_lines(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """One JSON object per line."""
    for batch in batches:
        yield "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in batch)
