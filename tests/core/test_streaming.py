"""read_ahead: a blocking iterator streamed with the next chunk read while one is sent."""

import asyncio
import threading
from collections.abc import Iterator

from app.core.streaming import read_ahead


class Recorder:
    """Chunks 0..n-1, noting which have been read, by how many threads at once, and
    whether the iterator was closed."""

    def __init__(self, n: int) -> None:
        self.n, self.read, self.closed = n, [threading.Event() for _ in range(n)], False
        self.busy = self.most_busy = 0
        self.lock = threading.Lock()

    def chunks(self) -> Iterator[int]:
        try:
            for i in range(self.n):
                with self.lock:
                    self.busy += 1
                    self.most_busy = max(self.most_busy, self.busy)
                self.read[i].set()
                with self.lock:
                    self.busy -= 1
                yield i
        finally:
            self.closed = True


async def wait_for(event: threading.Event) -> bool:
    return await asyncio.to_thread(event.wait, 5)


def test_every_chunk_arrives_in_order_and_reads_never_overlap():
    recorder = Recorder(50)

    async def consume() -> list[int]:
        return [chunk async for chunk in read_ahead(recorder.chunks())]

    assert asyncio.run(consume()) == list(range(50))
    assert recorder.most_busy == 1 and recorder.closed


def test_the_next_chunk_is_read_while_the_consumer_holds_this_one():
    recorder = Recorder(3)

    async def consume() -> bool:
        stream = read_ahead(recorder.chunks())
        assert await anext(stream) == 0
        # The consumer has not asked for chunk 1, yet it is read meanwhile.
        read = await wait_for(recorder.read[1])
        await stream.aclose()
        return read

    assert asyncio.run(consume())
    assert not recorder.read[2].is_set()  # only one chunk ahead, never more


def test_stopping_early_closes_the_iterator():
    recorder = Recorder(10)

    async def consume() -> None:
        stream = read_ahead(recorder.chunks())
        assert await anext(stream) == 0
        await stream.aclose()

    asyncio.run(consume())
    assert recorder.closed
