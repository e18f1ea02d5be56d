"""The synthetic dataset for (events, seed): the same rows, in the same order, every time."""

from collections.abc import Iterator
from random import Random

from bench.scale.events import event_batch
from bench.scale.reference import reference_batch
from bench.scale.rows import SYNTHETIC_PREFIX, Batch
from bench.scale.timeline import Timeline
from bench.scale.world import Sizes, build

EVENTS_PER_BATCH = 5000
# Bumped when the same (events, seed) starts to give other rows, so that `--if-missing`
# replaces a dataset drawn by an earlier generator. 2: event ids follow the calendar;
# 3: the kinds `statement` and `crisis`.
GENERATION = 3


def version_of(events: int, seed: int) -> str:
    """The dataset_version marking a synthetic dataset."""
    return f"{SYNTHETIC_PREFIX}{events}-{seed}-g{GENERATION}"


class Dataset:
    """Rows are drawn lazily, batch by batch, from one `random.Random(seed)`; the events'
    kinds and dates from the timeline (`bench.scale.timeline`)."""

    def __init__(self, events: int, seed: int = 42) -> None:
        if events < 1:
            raise ValueError("at least one event is needed")
        self.events, self.seed = events, seed
        self.version = version_of(events, seed)
        self._rng = Random(seed)
        self._world = build(self._rng, events)
        self._timeline = Timeline(seed, events)
        self._used = False

    @property
    def sizes(self) -> Sizes:
        return self._world.sizes

    def batches(self) -> Iterator[Batch]:
        """The reference records first, then events (with their quotes) in id order."""
        if self._used:
            raise RuntimeError("a Dataset yields its rows once; make a new one")
        self._used = True
        yield reference_batch(self._rng, self._world)
        for first in range(1, self.events + 1, EVENTS_PER_BATCH):
            last = min(first + EVENTS_PER_BATCH - 1, self.events)
            yield event_batch(self._rng, self._world, self._timeline, first, last)
