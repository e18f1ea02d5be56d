"""What the loader derives from the records: each record's document and the search index.

Both are rebuilt whenever the data changes, and whenever this code renders differently
than it did when they were written — `RENDER_VERSION` tells: it covers the public shapes
(their JSON schemas) and `FORMAT`, to bump when output changes without a schema change.
"""

import hashlib
import json
from functools import lru_cache

from sqlalchemy import select
from sqlmodel import Session, col

from app.areas import service as areas
from app.core.dataset import DatasetVersion
from app.core.documents import render
from app.core.listing import ListSpec
from app.events import service as events
from app.organisations import service as organisations
from app.people import service as people
from app.programmes import service as programmes
from app.quotes import service as quotes
from app.search.indexing import index_is_complete, rebuild_index
from app.sources import service as sources

# 2: area search bodies lead with the description; 3: CSV lines stored; 4: CSV lines in a
# table of their own (csv_line).
FORMAT = 4
SPECS: tuple[ListSpec, ...] = (
    sources.SPEC, organisations.SPEC, people.SPEC, areas.SPEC, programmes.SPEC, events.SPEC,
    quotes.SPEC,
)  # fmt: skip


@lru_cache
def render_version() -> str:
    schemas = {spec.kind: spec.public_model.model_json_schema() for spec in SPECS}
    digest = hashlib.sha256(json.dumps([FORMAT, schemas], sort_keys=True).encode())
    return digest.hexdigest()[:16]


def is_current(session: Session) -> bool:
    """True when documents and index were rendered by this code from the current data."""
    stored = session.execute(select(col(DatasetVersion.render_version))).scalar_one_or_none()
    return stored == render_version() and index_is_complete(session)


def rebuild(session: Session) -> tuple[int, int]:
    """Render every record's document and the search index; return both counts."""
    documents = sum(render(session, spec) for spec in SPECS)
    indexed = rebuild_index(session)
    version = session.get(DatasetVersion, 1)
    if version is not None:
        version.render_version = render_version()
    session.flush()
    return documents, indexed
