"""The one settings object, read from the environment (and an optional `.env`)."""

import os
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "nato_japan.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # SQLite file by default; PostgreSQL with e.g. postgresql+psycopg://user@host/db
    database_url: str = f"sqlite:///{DEFAULT_SQLITE_PATH}"
    # Seconds a client or shared cache may reuse a response before revalidating.
    cache_max_age: int = 300
    # Seconds a worker trusts its last reading of the dataset version (for ETags).
    data_version_ttl: float = 2.0
    # Megabytes of rendered answers each worker keeps, keyed by ETag; 0 turns it off.
    response_cache_mb: int = 64
    # Where the search indexes live: one directory per data version (app/search/building.py);
    # each instance keeps its own, built from its database when missing.
    search_index_dir: Path = PROJECT_ROOT / "var" / "search"
    # Threads for the reads that leave the event loop (filters, exports); 0 picks
    # by back-end: 2 on SQLite, whose reads are Python-bound and fight for the GIL, and 40
    # (anyio's default) on PostgreSQL, whose reads wait on the server (docs/performance.md).
    db_threads: int = 0
    # Searches each worker runs at once; 0: one per processor it may run on (set it under
    # a CPU quota, which Python cannot see). A search is bound by the processor (its index
    # is mapped into memory), so more at once only contend; fewer leave a worker idle
    # processors when its clients send it more than its share (docs/performance.md).
    search_threads: int = 0
    # Seconds a request may wait on the database (a statement, a lock, a connection);
    # past it the request answers 503 with Retry-After (docs/operations.md).
    db_timeout: float = 5.0
    # Seconds /readyz waits for the database before it says the database did not answer.
    ready_timeout: float = 2.0
    # Absolute base used in `links` when the service sits behind a proxy; empty = from request.
    public_base_url: str = ""
    # Without PUBLIC_BASE_URL, the Host names that links may carry (comma list; `*`: any);
    # any other Host gives the server's own address, so a client cannot put another site
    # into the links (and the stored answers) of this one.
    allowed_hosts: str = "localhost,127.0.0.1,[::1]"
    # Who answers for this deployment, named in the OpenAPI document (`info.contact`).
    contact_name: str = "The operators of this service"
    contact_url: str = ""
    contact_email: str = ""
    # One JSON line per request on stdout (the request id, route, status, time); off where
    # a proxy logs every request already. Errors are logged either way.
    log_requests: bool = True
    sql_echo: bool = False
    # Where `python -m app` serves, and with how many worker processes.
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    # What a client may send before the app sees a request (app/http/limits.py): bytes of
    # the request line (else 414), of the line and headers together (else 431), seconds
    # for them to arrive (else 408), and seconds an idle kept-alive connection stays open.
    max_request_line: int = 8192
    max_request_head: int = 32768
    header_timeout: float = 10.0
    keep_alive_timeout: float = 5.0
    # Seconds a stopping instance (SIGTERM) lets the requests in flight finish before it
    # closes their connections; a long export is cut then.
    shutdown_timeout: float = 30.0

    @property
    def link_hosts(self) -> frozenset[str]:
        return frozenset(h.strip().lower().rstrip(".") for h in self.allowed_hosts.split(","))

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def threads(self) -> int:
        return self.db_threads or (2 if self.is_sqlite else 40)

    @property
    def searches(self) -> int:
        return self.search_threads or _processors()


def _processors() -> int:
    """The processors this process may run on (its affinity, where the system says)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@lru_cache
def get_settings() -> Settings:
    return Settings()
