"""The events' kinds and dates, drawn first so that ids follow the calendar.

A dataset that grows as things happen receives its events roughly in date order, so
its rows sit on disk in that order and the default list order (by date) reads the
table nearly sequentially. Drawing events in random date order would scatter every
date-ordered read (a full export, a deep page) across the whole table instead.

Each event's kind and span come from its own `Random`, seeded by the dataset's seed and
the event's draw number, so the order can be worked out in one pass that keeps only a
sort key per event, and the draw redone when the event's batch is written.
"""

from array import array
from random import Random

from bench.scale.draw import Weighted
from bench.scale.phrases import KIND_WEIGHTS
from bench.scale.spans import Span, event_span

KINDS = list(KIND_WEIGHTS)
_KIND_DRAW = Weighted(list(KIND_WEIGHTS.values()))
_UNDATED_KEY = 10**9  # after every yyyymmdd: undated events come last, as in the list


class Timeline:
    """Event id `k` (1-based) is the `k`-th draw in date order."""

    def __init__(self, seed: int, events: int) -> None:
        self.seed = seed
        keys = array("l", (self._key(draw) for draw in range(events)))
        # Ties keep the draw order, so the order is the same on every run.
        self._draws = array("l", sorted(range(events), key=keys.__getitem__))

    def _rng(self, draw: int) -> Random:
        return Random(self.seed * 1_000_003 + draw)

    def _draw(self, draw: int) -> tuple[str, Span]:
        rng = self._rng(draw)
        kind = KINDS[_KIND_DRAW.one(rng)]
        return kind, event_span(rng, kind)

    def _key(self, draw: int) -> int:
        start = self._draw(draw)[1][0]
        if start is None:
            return _UNDATED_KEY
        year, month, day = int(start[:4]), int(start[5:7]), int(start[8:10])
        return year * 10_000 + month * 100 + day

    def event(self, event_id: int) -> tuple[str, Span]:
        """The kind and span of event `event_id`."""
        return self._draw(self._draws[event_id - 1])
