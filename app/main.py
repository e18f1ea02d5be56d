"""Build the application: settings, database engine, routers and error handlers."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI

from app import __version__
from app.areas.router import router as areas_router
from app.core.config import Settings, get_settings
from app.core.db import Database
from app.core.engine import make_engine
from app.core.errors import install_error_handlers, problem_responses
from app.events.router import router as events_router
from app.health.router import router as health_router
from app.http.browsers import BrowserHeaders
from app.http.caching import AnswerStore, CachingMiddleware
from app.http.docs import install_docs
from app.http.openapi import install_openapi
from app.http.telemetry import flush_now_and_then, install_telemetry
from app.http.versions import DataVersion
from app.organisations.router import router as organisations_router
from app.people.router import router as people_router
from app.programmes.router import router as programmes_router
from app.quotes.router import router as quotes_router
from app.releases.router import router as releases_router
from app.rendering import RESOURCES
from app.search.indexes import SearchIndexes
from app.search.router import router as search_router
from app.sources import service as sources
from app.sources.router import router as sources_router
from app.timeline.router import router as timeline_router

# The introduction of /docs and /redoc: what every route shares (docs/api.md has more).
DESCRIPTION = (Path(__file__).parent / "description.md").read_text(encoding="utf-8")
# The curated records are this project's work; quoted source text stays its publisher's.
LICENSE = {
    "name": "CC BY 4.0 (the curated records; each source document keeps its publisher's terms)",
    "identifier": "CC-BY-4.0",
}
TAGS = {
    "events": "Signings, visits, summits, exercises: dated, placed and cited.",
    "programmes": "Declarations and partnership programmes, with in-force spans and lineage.",
    "areas": "The cooperation-area taxonomy (a tree), with every spelling the sources use.",
    "quotes": "Who said what, when, with the offsets of the words in the source.",
    "people": "Named people and the roles the documents give them.",
    "organisations": "Organisations and their parts, as the documents name them.",
    "sources": "The five source documents, verbatim, and the citations into them.",
    "search": "Ranked full-text search across every resource.",
    "timeline": "Events and programme milestones, year by year.",
    "releases": "Each seed run that changed the data, the change feed since any of them, and "
    "the current release as a data package.",
    "health": "Probes for load balancers and orchestrators.",
    "meta": "What this service is: its version, its dataset's, and what the dataset holds.",
}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings, serving=True)
    database = Database(engine, timeout=settings.db_timeout)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        flushing = asyncio.create_task(flush_now_and_then())
        yield
        flushing.cancel()
        with suppress(asyncio.CancelledError):
            await flushing  # which writes the request lines still waiting
        database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="NATO–Japan cooperation API",
        version=__version__,
        description=DESCRIPTION,
        license_info=LICENSE,
        contact={
            key: value
            for key, value in (
                ("name", settings.contact_name),
                ("url", settings.contact_url),
                ("email", settings.contact_email),
            )
            if value
        },
        openapi_tags=[{"name": name, "description": text} for name, text in TAGS.items()],
        # Relative: the document names the service it is served by, behind any proxy.
        servers=[{"url": "/", "description": "The service serving this document"}],
        # Any request may be refused before it is routed (a request line or head too long:
        # app/http/limits.py) or fail unexpectedly; each answer is a problem document too.
        responses=problem_responses(414, 431, 500),
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    # Every request's session comes from here (`DatabaseDep`).
    app.state.database = database
    # The search index of the database's current version, opened or built per worker.
    app.state.search_indexes = SearchIndexes(engine, settings.search_index_dir, settings.searches)
    install_error_handlers(app)
    for router in (
        events_router,
        programmes_router,
        areas_router,
        quotes_router,
        people_router,
        organisations_router,
        sources_router,
        search_router,
        timeline_router,
        releases_router,
        health_router,
    ):
        app.include_router(router)
    install_docs(app)
    install_openapi(app, (*RESOURCES, sources.CITATIONS))
    versions = app.state.versions = DataVersion(
        engine, settings.data_version_ttl, settings.db_timeout
    )
    store = app.state.answer_store = AnswerStore(settings.response_cache_mb << 20)
    app.add_middleware(
        CachingMiddleware,
        versions=versions,
        max_age=settings.cache_max_age,
        store=store,
        hosts=settings.link_hosts,
    )
    app.add_middleware(BrowserHeaders)  # the outermost: 304s and stored answers too
    install_telemetry(app, log_requests=settings.log_requests)
    return app
