"""Content negotiation and the streaming renderers: CSV and NDJSON."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from fastapi import Request
from pydantic import BaseModel

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


@dataclass(frozen=True)
class CsvColumn:
    """A flat column: a top-level field, or one field of a nested object (`date_start`)."""

    name: str
    key: str
    sub: str | None = None


def csv_columns(model: type[BaseModel], fields: list[str] | None) -> list[CsvColumn]:
    """Flat columns: nested objects (dates, places) become prefixed columns."""
    columns: list[CsvColumn] = []
    for name, info in model.model_fields.items():
        if fields and name not in fields and name != "slug":
            continue
        nested = _nested_model(info.annotation)
        if nested is not None and "slug" not in nested.model_fields:
            columns.extend(CsvColumn(f"{name}_{sub}", name, sub) for sub in nested.model_fields)
        else:
            columns.append(CsvColumn(name, name))
    return columns


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a single nested object (`DateSpan | None`); lists stay one column."""
    if get_origin(annotation) is list:
        return None
    candidates = get_args(annotation) if get_origin(annotation) else (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _cell(value: Any) -> str:
    kind = value.__class__
    if kind is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is list:
        if all(v.__class__ is dict and "slug" in v for v in value):
            return "|".join(v["slug"] for v in value)
        if all(v.__class__ is str for v in value):
            return "|".join(value)
        return json.dumps(value, ensure_ascii=False)
    if kind is dict:
        return str(value["slug"]) if "slug" in value else json.dumps(value, ensure_ascii=False)
    return str(value)


def _row(record: dict[str, Any], columns: list[CsvColumn]) -> list[str]:
    row = []
    for column in columns:
        value = record.get(column.key)
        if column.sub is not None:
            value = value.get(column.sub) if value else None
        row.append(_cell(value))
    return row


def csv_lines(columns: list[CsvColumn], batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """A header, then one CSV line per record (RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in columns])
    yield buffer.getvalue()
    for batch in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(_row(record, columns) for record in batch)
        yield buffer.getvalue()


def ndjson_lines(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """One JSON object per line."""
    for batch in batches:
        yield "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in batch)
