"""A bounded, per-process store of rendered answers, keyed by their strong ETag.

The ETag already names everything an answer depends on (data version, path, query,
Accept, Host), so an entry can never be stale: a re-seed changes the version and with it
every key. Each worker keeps its own store; nothing needs sharing between processes.
"""

from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Stored:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """Least-recently-used eviction within a byte budget (0 turns the cache off)."""

    def __init__(self, max_bytes: int, max_entry_bytes: int = 1 << 20) -> None:
        self.max_bytes, self.max_entry_bytes = max_bytes, max_entry_bytes
        self._entries: OrderedDict[str, Stored] = OrderedDict()
        self._size = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def get(self, key: str) -> Stored | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: Stored) -> None:
        if not self.enabled or len(entry.body) > self.max_entry_bytes or key in self._entries:
            return
        self._entries[key] = entry
        self._size += len(entry.body)
        while self._size > self.max_bytes and self._entries:
            _, evicted = self._entries.popitem(last=False)
            self._size -= len(evicted.body)
