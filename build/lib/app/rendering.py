"""The seven resources, and what the loader derives from their records: each record's
document and the search index.

Both are rebuilt whenever the data changes, and whenever this code renders differently
than it did when they were written — `RENDER_VERSION` tells: it covers the public shapes
(their JSON schemas) and `FORMAT`, to bump when output changes without a schema change.
"""

import hashlib
import json
from functools import lru_cache

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.areas import service as areas
from app.core.models import DatasetVersion, Resource
from app.events import service as events
from app.organisations import service as organisations
from app.people import service as people
from app.programmes import service as programmes
from app.query.documents import Hydrate, render
from app.quotes import service as quotes
from app.search.indexing import rebuild_index
from app.search.models import SearchDocument
from app.sources import service as sources

# 2: area search bodies lead with the description; 3: CSV lines stored; 4: CSV lines in a
# table of their own (csv_line).
FORMAT = 4
# The seven resources, in the order the API lists them: what the loader renders, what the
# search finds and what the OpenAPI document shapes.
RENDERED: tuple[tuple[Resource, Hydrate], ...] = tuple(
    (service.RESOURCE, service.hydrate)
    for service in (events, programmes, areas, quotes, people, organisations, sources)
)
RESOURCES = tuple(resource for resource, _ in RENDERED)


@lru_cache
def render_version() -> str:
    schemas = {r.kind: r.public_model.model_json_schema() for r, _ in RENDERED}
    digest = hashlib.sha256(json.dumps([FORMAT, schemas], sort_keys=True).encode())
    return digest.hexdigest()[:16]


def is_current(session: Session) -> bool:
    """True when documents and index were rendered by this code from the current data."""
    stored = session.execute(select(col(DatasetVersion.render_version))).scalar_one_or_none()
    return stored == render_version() and _index_is_complete(session)


def _index_is_complete(session: Session) -> bool:
    """True when there is one search document per record."""
    indexed = session.execute(select(func.count()).select_from(SearchDocument)).scalar_one()
    total = sum(
        session.execute(select(func.count()).select_from(r.table)).scalar_one() for r in RESOURCES
    )
    return bool(indexed == total)


def rebuild(session: Session) -> tuple[int, int]:
    """Render every record's document and the search index; return both counts."""
    documents = sum(render(session, resource, hydrate) for resource, hydrate in RENDERED)
    indexed = rebuild_index(session)
    version = session.get(DatasetVersion, 1)
    if version is not None:
        version.render_version = render_version()
    session.flush()
    return documents, indexed
