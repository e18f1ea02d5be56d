"""GET /v1/events as iCalendar: one all-day VEVENT per dated event that matches."""

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.support import assert_problem, by_slug, record_span, url, walk


def unfold(body: str) -> list[str]:
    """Content lines: RFC 5545 lines end in CRLF, and a leading space continues a line."""
    assert body.endswith("\r\n")
    lines: list[str] = []
    for raw in body[: -len("\r\n")].split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75, raw
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def vevents(lines: list[str]) -> list[dict[str, str]]:
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def ics_day(value: str) -> date:
    return date(int(value[:4]), int(value[4:6]), int(value[6:]))


FILTERS = [{}, {"kind": "summit"}, {"area": "cyber-defence"}, {"from": "2013", "to": "2014"}]


class TestListEventsAsCalendar:
    @pytest.mark.parametrize("params", FILTERS)
    def test_one_vevent_per_dated_event_that_matches_the_filter(
        self, client: TestClient, params: dict[str, str]
    ):
        response = client.get(url("/v1/events.ics", **params))
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/calendar; charset=utf-8"
        lines = unfold(response.text)
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
        assert "VERSION:2.0" in lines
        dated = {e["slug"]: e for e in walk(client, url("/v1/events", limit=200, **params))}
        dated = {slug: e for slug, e in dated.items() if e["date"] is not None}
        found = vevents(lines)
        assert sorted(v["UID"].removesuffix("@nato-japan-api") for v in found) == sorted(dated)
        assert lines.count("BEGIN:VEVENT") == len(dated)

    def test_dates_are_all_day_with_an_exclusive_end(self, client: TestClient):
        found = vevents(unfold(client.get("/v1/events.ics").text))
        assert found
        for vevent in found:
            slug = vevent["UID"].removesuffix("@nato-japan-api")
            first, last = record_span(by_slug("events")[slug]["date"])
            assert last is not None
            assert ics_day(vevent["DTSTART;VALUE=DATE"]) == first
            assert ics_day(vevent["DTEND;VALUE=DATE"]) == last + timedelta(days=1)

    def test_a_month_precision_event_spans_its_whole_month(self, client: TestClient):
        found = vevents(unfold(client.get("/v1/events.ics?place=tokyo").text))
        conference = next(v for v in found if v["UID"].startswith("tokyo-conference-"))
        assert conference["DTSTART;VALUE=DATE"] == "20120701"
        assert conference["DTEND;VALUE=DATE"] == "20120801"

    def test_an_accept_header_naming_the_calendar_gets_it_too(self, client: TestClient):
        response = client.get("/v1/events.ics?kind=summit", headers={"Accept": "text/calendar"})
        assert response.headers["content-type"].startswith("text/calendar")
        assert vevents(unfold(response.text))

    def test_other_lists_do_not_serve_a_calendar(self, client: TestClient):
        assert_problem(client.get("/v1/programmes.ics"), 422, "path.format")
        assert_problem(client.get("/v1/quotes.ics"), 422, "path.format")
        response = client.get("/v1/programmes", headers={"Accept": "text/calendar"})
        assert_problem(response, 406)
