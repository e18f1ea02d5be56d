"""Events as iCalendar (RFC 5545), so a calendar application can subscribe to them."""

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

PRODID = "-//NATO-Japan cooperation API//Events//EN"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts) + "\r\n"


def _vevent(event: dict[str, Any], stamp: str, base_url: str) -> str:
    span = event.get("date")
    if not span:
        return ""  # an undated event has no place on a calendar
    start = date.fromisoformat(span["earliest"])
    end = date.fromisoformat(span["latest"]) + timedelta(days=1)  # DTEND is exclusive
    description = event.get("summary", "")
    precision = span.get("start_precision")
    if precision == "approximate":
        description += f"\n\nApproximate date: {span.get('label') or span['start']}."
    elif precision != "day":
        description += f"\n\nDate known only to the {precision}: {span['start']}."
    for citation in event.get("citations", []):
        description += f"\n\nSource {citation['source']}: \u201c{citation['evidence']}\u201d"
    place = event.get("place") or {}
    location = ", ".join(p for p in (place.get("name"), place.get("country")) if p)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['slug']}@nato-japan-api",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{_escape(event.get('title', event['slug']))}",
        f"DESCRIPTION:{_escape(description)}",
        f"CATEGORIES:{_escape(str(event.get('kind', '')))}",
        f"URL:{base_url}/v1/events/{event['slug']}",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    lines.append("END:VEVENT")
    return "".join(_fold(line) for line in lines)


def calendar_lines(
    batches: Iterable[list[dict[str, Any]]], *, stamp: str, base_url: str
) -> Iterator[str]:
    """A VCALENDAR with one all-day VEVENT per dated event."""
    yield "".join(
        _fold(line)
        for line in (
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:NATO–Japan cooperation",
        )
    )
    for batch in batches:
        yield "".join(_vevent(event, stamp, base_url) for event in batch)
    yield _fold("END:VCALENDAR")
