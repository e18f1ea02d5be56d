"""The dataset's version, which every answer's ETag and `Last-Modified` derive from: read
from the database at most every `DATA_VERSION_TTL` seconds by each worker."""

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

import anyio
from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from app.core.deadlines import deadline
from app.core.models import DatasetVersion


@dataclass(frozen=True)
class Snapshot:
    """The dataset's version as one reading, with what every answer derives from it
    worked out once (formatting an HTTP date per request was a tenth of a first page)."""

    version: str
    seeded_at: datetime
    last_modified: bytes  # the HTTP date
    stamp: str  # iCalendar's DTSTAMP form

    @classmethod
    def of(cls, version: str, seeded_at: datetime) -> "Snapshot":
        seeded_at = seeded_at if seeded_at.tzinfo else seeded_at.replace(tzinfo=UTC)
        return cls(
            version,
            seeded_at,
            format_datetime(seeded_at, usegmt=True).encode(),
            seeded_at.strftime("%Y%m%dT%H%M%SZ"),
        )


class DataVersion:
    """The seeded dataset's version, re-read from the database at most every `ttl` seconds.

    Every worker and instance reads the same row, so a re-seed reaches all of them within
    `ttl`. One read is in flight at a time and the requests that need it wait for that
    one; it takes a worker thread under a limiter of its own, so that it never queues
    behind slow reads in the shared pool.
    """

    def __init__(self, engine: Engine, ttl: float, timeout: float = 5.0) -> None:
        # A primary-key read: one that takes a second is better skipped for the version
        # last read than waited for by every request.
        self.engine, self.ttl, self.wait = engine, ttl, min(timeout, 1.0)
        self._value: Snapshot | None = None
        self._read_at = float("-inf")
        self._pending: asyncio.Future[None] | None = None
        self._limiter: anyio.CapacityLimiter | None = None  # made on the loop that uses it

    def _read(self, by: float) -> Snapshot | None:
        with self.engine.connect() as conn, deadline(conn.connection.dbapi_connection, by):
            row = conn.execute(
                select(col(DatasetVersion.version), col(DatasetVersion.seeded_at))
            ).first()
        return None if row is None else Snapshot.of(row[0], row[1])

    async def get(self) -> Snapshot | None:
        if time.monotonic() - self._read_at > self.ttl:
            if self._pending is None:
                self._pending = asyncio.ensure_future(self._refresh())
            await asyncio.shield(self._pending)
        return self._value

    async def _refresh(self) -> None:
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        try:
            by = time.monotonic() + self.wait
            read = anyio.to_thread.run_sync(
                self._read, by, limiter=self._limiter, abandon_on_cancel=True
            )
            self._value = await asyncio.wait_for(read, self.wait)
        except (SQLAlchemyError, TimeoutError):
            # The database is out: the version last read stays, and what was answered for
            # it may still be (the data changes only by a seed, through the database).
            pass
        finally:
            self._read_at = time.monotonic()
            self._pending = None
