"""CSV: records as flat rows, and each record's line as the loader stores it.

Kept apart from the HTTP layer (no app imports) because the loader renders a CSV line per
record next to its JSON document, and an export then streams the stored lines as they are.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel


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


def csv_header(columns: list[CsvColumn]) -> str:
    return _csv_text([[column.name for column in columns]])


def csv_record(columns: list[CsvColumn], record: dict[str, Any]) -> str:
    """One record as a CSV line (CRLF included): what the loader stores per record."""
    return _csv_text([_row(record, columns)])


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def csv_lines(columns: list[CsvColumn], batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """A header, then one CSV line per record (RFC 4180 quoting, CRLF line ends)."""
    yield csv_header(columns)
    for batch in batches:
        yield _csv_text([_row(record, columns) for record in batch])
