"""Draw the next batches in a thread while the database takes the current one."""

import threading
from collections.abc import Iterator
from queue import Full, Queue
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def prefetched(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """`items`, produced up to `depth` ahead by one thread (so still in the same order).

    psycopg releases the GIL while PostgreSQL parses COPY data and computes each tsvector,
    so the next batch is drawn meanwhile. (SQLite's executemany holds the GIL to bind each
    row: there a thread only adds contention, so its writer does not use this.)
    """
    queue: Queue[object] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_DONE)
        except BaseException as error:  # handed to the consumer, raised there
            put(error)

    thread = threading.Thread(target=produce, name="scale-data", daemon=True)
    thread.start()
    try:
        while (item := queue.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        thread.join()
