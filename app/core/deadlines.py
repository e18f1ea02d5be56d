"""Ending a database read that outlives its time: the one thing a statement timeout on
the server cannot do when the server itself has stopped answering.

A read registers its driver connection and deadline while it runs. One watcher thread
looks every `TICK_S` seconds; a read past its deadline has its statement interrupted
(SQLite) or its socket shut (PostgreSQL: the driver waiting on it then fails at once and
the connection is thrown away). Registering costs a lock and a dict entry; a thread per
read would cost more than many of the reads.
"""

import itertools
import os
import socket
import threading
import time
from typing import Any

TICK_S = 0.05

_lock = threading.Lock()
_watched: dict[int, tuple[float, Any]] = {}
_ids = itertools.count()
_watcher: threading.Thread | None = None


class deadline:  # noqa: N801 (used as a function: `with deadline(connection, at):`)
    """Interrupt what `dbapi_connection` runs in this block once `time.monotonic()`
    passes `at`. A class, not a generator: it is entered on every read."""

    __slots__ = ("key", "entry")

    def __init__(self, dbapi_connection: Any, at: float) -> None:
        self.key, self.entry = next(_ids), (at, dbapi_connection)

    def __enter__(self) -> None:
        global _watcher
        with _lock:
            _watched[self.key] = self.entry
            if _watcher is None or not _watcher.is_alive():
                _watcher = threading.Thread(target=_watch, name="db-deadlines", daemon=True)
                _watcher.start()

    def __exit__(self, *_: object) -> None:
        with _lock:
            _watched.pop(self.key, None)


def _forked() -> None:  # a forked child has no watcher thread: its first read starts one
    global _watcher, _lock
    _watcher, _lock = None, threading.Lock()
    _watched.clear()


os.register_at_fork(after_in_child=_forked)


def _watch() -> None:
    while True:
        time.sleep(TICK_S)
        now = time.monotonic()
        # Under the lock, so that a read cannot leave its block (and hand its connection
        # to another read) between being found late and being interrupted.
        with _lock:
            for key in [key for key, (at, _) in _watched.items() if at <= now]:
                _interrupt(_watched.pop(key)[1])


def _interrupt(connection: Any) -> None:
    try:
        if hasattr(connection, "interrupt"):  # sqlite3: the statement fails as interrupted
            connection.interrupt()
        else:  # psycopg: shut the socket under the driver; the connection is then lost
            with socket.socket(fileno=os.dup(connection.pgconn.socket)) as sock:
                sock.shutdown(socket.SHUT_RDWR)
    except Exception:  # closed meanwhile (each driver says so its own way): nothing waits
        pass
