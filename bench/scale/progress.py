"""Progress on stderr while loading, and the timings of each phase for the report."""

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    def __init__(self, events: int, stream: TextIO | None = sys.stderr, every: float = 2.0):
        self.events, self.stream, self.every = events, stream, every
        self.started = self._last = time.perf_counter()
        self.rows: dict[str, int] = {}
        self.phases: dict[str, float] = {}

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def say(self, message: str) -> None:
        if self.stream is not None:
            print(
                f"[{time.perf_counter() - self.started:7.1f}s] {message}",
                file=self.stream,
                flush=True,
            )

    def wrote(self, table: str, count: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + count
        now = time.perf_counter()
        if now - self._last >= self.every:
            self._last = now
            rate = self.total / (now - self.started)
            events = self.rows.get("event", 0)
            self.say(f"{events:,}/{self.events:,} events, {self.total:,} rows ({rate:,.0f} rows/s)")

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time a phase; its seconds go into `phases` and onto stderr."""
        self.say(f"{name}…")
        start = time.perf_counter()
        yield
        self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - start
        self.say(f"{name}: {self.phases[name]:.1f}s")
