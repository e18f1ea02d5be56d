"""Which search index this process searches: the one built for the database's current
data version, opened when it is there, built (in the background) when it is not."""

import threading
from pathlib import Path

import anyio
from anyio.lowlevel import RunVar
from sqlalchemy import Engine, select
from sqlmodel import Session, col

from app.core.engine import snapshot
from app.core.errors import NotReady
from app.core.models import DatasetVersion
from app.rendering import render_version
from app.search.building import build, index_name, is_built
from app.search.ranking import SearchIndex

_RETRY = {"Retry-After": "5"}


class SearchIndexes:
    """This worker's search index. A request for a version whose index is not built
    starts its build and is answered 503 (with Retry-After) until it is; `/readyz` says
    so too. The seed loader builds the index before it commits a new version, so a
    re-seed normally finds it ready."""

    def __init__(self, engine: Engine, directory: Path, searches: int = 1) -> None:
        self.engine, self.directory, self.searches = engine, directory, searches
        # A limiter wakes its waiters on its own event loop: one per loop (uvicorn runs
        # one a worker; a test client may run several).
        self._limiter: RunVar[anyio.CapacityLimiter] = RunVar("search_limiter")
        self._open: SearchIndex | None = None
        self._lock = threading.Lock()
        self._building: threading.Thread | None = None
        self.failure: str | None = None  # why the last build failed, for /readyz

    def get(self, version: str) -> SearchIndex:
        """The index of `version`; NotReady while it is being built."""
        name = index_name(version, render_version())
        current = self._open
        if current is not None and current.path.name == name:
            return current
        with self._lock:
            if self._open is not None and self._open.path.name == name:
                return self._open
            if is_built(self.directory / name):
                self._open = SearchIndex(self.directory / name)
                return self._open
            self._start_building()
        raise NotReady(
            "The search index of this dataset version is being built; try again shortly.",
            headers=_RETRY,
        )

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        """How many searches this worker runs at once (SEARCH_THREADS). With a thread
        each for 32 at once, they contend for the GIL and the index's document cache,
        and a worker answered a quarter fewer (docs/performance.md)."""
        limiter = self._limiter.get(None)
        if limiter is None:
            limiter = anyio.CapacityLimiter(self.searches)
            self._limiter.set(limiter)
        return limiter

    def problem(self, version: str) -> str | None:
        """Why search cannot answer for `version` (missing, being built, failed); None
        when its index is built."""
        if is_built(self.directory / index_name(version, render_version())):
            return None
        if self.failure is not None:
            return f"The search index could not be built: {self.failure}"
        self._start_building()
        return "The search index of this dataset version is being built."

    def _start_building(self) -> None:
        if self._building is None or not self._building.is_alive():
            self._building = threading.Thread(target=self._build, daemon=True)
            self._building.start()

    def _build(self) -> None:
        try:
            with Session(self.engine) as session:
                snapshot(session)  # the version and the documents read as one
                version = session.execute(select(col(DatasetVersion.version))).scalar()
                if version is not None:
                    build(session, self.directory, index_name(version, render_version()))
            self.failure = None
        except Exception as exc:  # reported by /readyz; the next request tries again
            self.failure = f"{type(exc).__name__}: {exc}"
