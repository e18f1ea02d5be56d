"""The events service's date-range filter: bounded from below through the indexes
(`earliest_start`), yet never losing an event that overlaps the range."""

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, select
from sqlmodel import Session

from app.core.dates import DateRange
from app.events.models import Event, EventQuery
from app.events.service import earliest_start
from app.events.service import matching as events_matching


def event(slug: str, start: str | None, end: str | None) -> Event:
    return Event(
        slug=slug,
        title=slug,
        summary="",
        kind="summit",
        start_date=date.fromisoformat(start) if start else None,
        end_date=date.fromisoformat(end) if end else None,
    )


@pytest.fixture
def session(migrated_engine: Engine) -> Iterator[Session]:
    with Session(migrated_engine) as session:
        session.add_all(
            [
                event("one-day-2020", "2020-01-01", "2020-01-01"),
                event("month-2019-12", "2019-12-01", "2019-12-31"),  # the longest closed span
                event("running-since-2000", "2000-01-01", None),  # open-ended
                event("undated", None, None),
                event("one-day-2021", "2021-03-01", "2021-03-01"),
            ]
        )
        session.commit()
        yield session


def matching(session: Session, start: str | None, end: str | None = None) -> list[str]:
    filters = EventQuery.model_validate({"from": start, "to": end})
    query = events_matching(session=session, filters=filters, q=None, source=None)
    return sorted(session.execute(query.with_only_columns(Event.slug)).scalars())


class TestOpenEndedEvents:
    def test_an_event_running_since_long_before_the_range_is_found(self, session: Session):
        # The longest closed span is 30 days; the open-ended event began 20 years earlier.
        assert matching(session, "2020-06-01") == ["one-day-2021", "running-since-2000"]

    def test_a_range_ending_before_it_began_does_not_find_it(self, session: Session):
        assert matching(session, "1990-01-01", "1999-12-31") == []

    def test_a_range_inside_a_closed_span_finds_that_span(self, session: Session):
        assert matching(session, "2019-12-15", "2019-12-16") == [
            "month-2019-12",
            "running-since-2000",
        ]


class TestEarliestStart:
    def test_without_open_ended_events_it_is_the_longest_closed_span_back(self, session: Session):
        running = session.execute(
            select(Event).where(Event.slug == "running-since-2000")
        ).scalar_one()
        session.delete(running)
        session.flush()
        assert earliest_start(session, DateRange(date(2020, 6, 1))) == date(2020, 5, 2)

    def test_an_open_ended_event_reaches_back_to_its_start(self, session: Session):
        assert earliest_start(session, DateRange(date(2020, 6, 1))) == date(2000, 1, 1)

    def test_a_range_open_at_the_start_has_no_bound(self, session: Session):
        assert earliest_start(session, DateRange(None, date(2020, 6, 1))) is None

    def test_with_no_dated_event_there_is_no_bound(self, migrated_engine: Engine):
        with Session(migrated_engine) as empty:
            empty.add(event("undated-only", None, None))
            empty.commit()
            assert earliest_start(empty, DateRange(date(2020, 6, 1))) is None

    def test_a_range_starting_within_the_longest_span_of_year_one_has_no_bound(
        self, session: Session
    ):
        # 30 days back from 0001-01-15 would be before the first day there is.
        assert earliest_start(session, DateRange(date(1, 1, 15))) is None


class TestOpenEndedAfterTheRange:
    def test_an_open_ended_event_starting_after_the_range_is_not_found(self, session: Session):
        session.add(event("running-since-2022", "2022-01-01", None))
        session.flush()
        assert matching(session, "2020-06-01", "2020-12-31") == ["running-since-2000"]
        # ...and it leaves the bound to the closed spans and the earlier open-ended one.
        assert earliest_start(session, DateRange(date(2020, 6, 1))) == date(2000, 1, 1)
