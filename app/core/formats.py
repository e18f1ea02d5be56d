"""Content negotiation and the streaming renderers: CSV and NDJSON."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
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


def csv_columns(model: type[BaseModel], fields: list[str] | None) -> list[str]:
    """Flat column names: nested objects (dates, places) become prefixed columns."""
    columns: list[str] = []
    for name, info in model.model_fields.items():
        if fields and name not in fields and name != "slug":
            continue
        nested = _nested_model(info.annotation)
        if nested is not None and "slug" not in nested.model_fields:
            columns.extend(f"{name}_{sub}" for sub in nested.model_fields)
        else:
            columns.append(name)
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
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value["slug"]) if "slug" in value else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if all(isinstance(v, dict) and "slug" in v for v in value):
            return "|".join(v["slug"] for v in value)
        if all(isinstance(v, str) for v in value):
            return "|".join(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flatten(record: dict[str, Any], columns: list[str]) -> list[str]:
    row = []
    for column in columns:
        if column in record:
            row.append(_cell(record[column]))
            continue
        prefix, _, sub = column.partition("_")
        # e.g. date_start from {"date": {"start": ...}}; names may contain underscores.
        for name, value in record.items():
            if column.startswith(name + "_") and isinstance(value, dict | type(None)):
                row.append(_cell((value or {}).get(column[len(name) + 1 :])))
                break
        else:
            row.append("")
    return row


def csv_lines(columns: list[str], batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """A header, then one CSV line per record (RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield buffer.getvalue()
    for batch in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(_flatten(record, columns) for record in batch)
        yield buffer.getvalue()


def ndjson_lines(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """One JSON object per line."""
    for batch in batches:
        yield "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in batch)
