"""Weighted draws from one `random.Random`, cheaper than `choices` in a hot loop."""

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from random import Random


class Weighted:
    """Indexes 0..n-1 drawn in proportion to their weights."""

    def __init__(self, weights: Sequence[float]) -> None:
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1]
        self.size = len(self._cumulative)

    def one(self, rng: Random) -> int:
        return bisect_right(self._cumulative, rng.random() * self._total)

    def distinct(self, rng: Random, count: int) -> list[int]:
        """`count` different indexes, in the order drawn."""
        out: list[int] = []
        while len(out) < count:
            index = bisect_right(self._cumulative, rng.random() * self._total)
            if index not in out:
                out.append(index)
        return out


def uniform_distinct(rng: Random, size: int, count: int) -> list[int]:
    out: list[int] = []
    while len(out) < count:
        index = rng.randrange(size)
        if index not in out:
            out.append(index)
    return out
