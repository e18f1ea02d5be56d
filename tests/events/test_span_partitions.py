"""Date ranges read by span class (migration 0006): each event's generated `span_class`
follows its span, and a page read as the merge of the classes' partitions is exactly the
page the one query over the whole range gives, cursor after cursor."""

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlmodel import Session

from app.core.filters import DateRange
from app.core.listing import fetch_page
from app.core.pagination import Page
from app.core.spans import SPAN_CLASS_DAYS
from app.events import service
from app.events.models import Event

RANGES = [
    (date(2013, 1, 1), date(2016, 12, 31)),
    (date(2014, 5, 6), date(2014, 5, 6)),
    (date(2019, 1, 1), date(2025, 12, 31)),
    (date(2000, 1, 1), None),
    (None, date(2010, 12, 31)),
    (date(1, 1, 1), date(9999, 12, 31)),
]
IDS = [f"{start}..{end}" for start, end in RANGES]


def pages(session: Session, query: Any, size: int) -> list[tuple[list[str], str | None]]:
    keys, signature = service.SPEC.sort_keys(None)
    out, cursor = [], None
    while True:
        page = fetch_page(
            session, service.SPEC, query, keys=keys, page=Page(size, cursor), signature=signature
        )
        out.append(([str(doc) for doc in page.rows], page.next_cursor))
        if page.next_cursor is None:
            return out
        cursor = page.next_cursor


class TestSpanClass:
    def test_each_event_is_in_the_class_of_its_span(self, session: Session):
        rows = session.execute(select(Event.span_days, Event.span_class)).all()
        assert rows
        for days, number in rows:
            expected = 0 if days is None else sum(days > limit for limit in SPAN_CLASS_DAYS)
            assert number == expected, (days, number)
        assert len({number for _, number in rows}) >= 2  # the data has long spans too


@pytest.fixture(autouse=True)
def partitions_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # The service has the partitions off (see events.service); these tests keep the
    # mechanism honest for when it is mended.
    monkeypatch.setattr(service, "SPAN_PARTITIONS", True)


class TestPartitionedPages:
    @pytest.mark.parametrize("dates", RANGES, ids=IDS)
    @pytest.mark.parametrize("area", [[], ["cyber-defence"]])
    def test_every_page_equals_the_single_query(
        self, session: Session, dates: tuple[date | None, date | None], area: list[str]
    ):
        filters = service.EventFilters(area=area, dates=DateRange(*dates))
        query = service.filtered(session=session, filters=filters)
        single = query.execution_options(partitions=None)
        assert pages(session, query, 3) == pages(session, single, 3)

    def test_an_event_is_found_from_the_last_day_of_its_span(self, session: Session):
        # The farthest a partition must look back: a range that starts on an event's last
        # day. Every event with a span is checked, so each class's bound is exercised.
        spans = session.execute(
            select(Event.slug, Event.end_date, Event.span_days).where(Event.span_days > 0)
        ).all()
        assert len(spans) >= 5
        for slug, end, _days in spans:
            filters = service.EventFilters(dates=DateRange(end, end))
            query = service.filtered(session=session, filters=filters)
            assert "partitions" in query.get_execution_options()
            found = [doc for docs, _ in pages(session, query, 200) for doc in docs]
            assert any(f'"slug":"{slug}"' in doc for doc in found), slug

    def test_a_range_with_a_start_is_read_one_class_at_a_time(
        self, session: Session, engine: Engine
    ):
        filters = service.EventFilters(dates=DateRange(date(2013, 1, 1), date(2016, 12, 31)))
        query = service.filtered(session=session, filters=filters)
        assert len(query.get_execution_options()["partitions"]) == len(SPAN_CLASS_DAYS) + 1
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
            statements.append(sql)

        event.listen(engine, "before_cursor_execute", seen)
        try:
            pages(session, query, 50)
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        assert sum("span_class" in sql for sql in statements) == len(SPAN_CLASS_DAYS) + 1

    def test_a_range_without_a_start_needs_no_partitions(self, session: Session):
        filters = service.EventFilters(dates=DateRange(None, date(2016, 12, 31)))
        query = service.filtered(session=session, filters=filters)
        assert "partitions" not in query.get_execution_options()
