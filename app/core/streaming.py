"""Streaming a blocking iterator (an export reading the database) without stalling it.

Starlette advances a plain iterator in the thread pool and sends each chunk before it
asks for the next, so the database waits while the socket drains and the socket waits
while the database reads. Here the next chunk is read while the current one is sent.
"""

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import TypeVar

import anyio.to_thread

T = TypeVar("T")
_DONE = object()


async def read_ahead(chunks: Iterator[T]) -> AsyncIterator[T]:
    """`chunks` in order, with the next one read in a worker thread while this one is sent.

    One read is in flight at a time, so the iterator is never advanced by two threads at
    once and at most two chunks are held. When the consumer stops early (the client went
    away), the read in flight is let finish and the iterator is closed, which releases
    its database session.
    """

    def advance() -> object:
        return next(chunks, _DONE)

    pending = asyncio.ensure_future(anyio.to_thread.run_sync(advance))
    try:
        while (chunk := await pending) is not _DONE:
            pending = asyncio.ensure_future(anyio.to_thread.run_sync(advance))
            yield chunk  # type: ignore[misc]
    finally:
        # A thread cannot be interrupted: wait for the read it is doing, then close.
        await asyncio.wait([pending])
        close = getattr(chunks, "close", None)
        if close is not None:
            await anyio.to_thread.run_sync(close)
