"""Date spans and evidence location, the loader's building blocks."""

from datetime import date

import pytest

from seeds.plan import locate, span_columns
from seeds.records import DateIn


class TestSpanColumns:
    def test_month_precision_covers_the_whole_month(self):
        columns = span_columns(DateIn(start="2013-04"))
        assert (columns["start_date"], columns["end_date"]) == (date(2013, 4, 1), date(2013, 4, 30))
        assert columns["start_precision"] == columns["end_precision"] == "month"

    def test_day_span_keeps_both_ends(self):
        columns = span_columns(
            DateIn(start="2013-06-25", end="2013-06-29", note="from the dateline")
        )
        assert (columns["start_date"], columns["end_date"]) == (
            date(2013, 6, 25),
            date(2013, 6, 29),
        )
        assert columns["date_note"] == "from the dateline"

    def test_approximate_span_keeps_its_label(self):
        columns = span_columns(
            DateIn(start="1990", end="1993", approximate=True, label="early 1990s")
        )
        assert columns["start_precision"] == "approximate"
        assert (columns["start_date"], columns["end_date"]) == (
            date(1990, 1, 1),
            date(1993, 12, 31),
        )
        assert columns["date_label"] == "early 1990s"

    def test_open_ended_span_has_no_end(self):
        columns = span_columns(DateIn(start="2023-07", open_ended=True))
        assert columns["end_date"] is None and columns["start_date"] == date(2023, 7, 1)

    def test_end_before_start_is_an_error(self):
        with pytest.raises(ValueError):
            span_columns(DateIn(start="2014", end="2013"))


class TestLocate:
    def test_finds_every_occurrence_including_overlapping_ones(self):
        assert locate("aaa", "aa") == [0, 1]
        assert locate("NATO and Japan", "Japan") == [9]
        assert locate("NATO", "Japan") == []
