"""Build the application: settings, database engine, routers and error handlers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

from app.areas.router import router as areas_router
from app.core.config import Settings, get_settings
from app.core.db import Database, make_engine
from app.core.errors import install_error_handlers, problem_responses
from app.events.router import router as events_router
from app.health.router import router as health_router
from app.http.caching import AnswerStore, CachingMiddleware, DataVersion
from app.http.docs import install_docs, install_openapi
from app.organisations.router import router as organisations_router
from app.people.router import router as people_router
from app.programmes.router import router as programmes_router
from app.quotes.router import router as quotes_router
from app.search.router import router as search_router
from app.sources.router import router as sources_router
from app.timeline.router import router as timeline_router

DESCRIPTION = """
A public data service about NATO–Japan cooperation: events, programmes, cooperation
areas and quotes, with the people, organisations and source documents behind them.

Every record carries **citations**: the exact words of a source document that support
it, with character offsets into the source's text (`text[start:end] == evidence`).

A query parameter that a route does not take is refused with a 422 problem naming it, so
a typo never passes for a filter; `_` (a cache-buster) and `utm_…` tags are ignored.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings)
    database = Database(engine)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="NATO–Japan cooperation API",
        version="1.0.0",
        description=DESCRIPTION,
        license_info={"name": "Data: see each source document"},
        # Any route can fail unexpectedly; its answer is a problem document too.
        responses=problem_responses(500),
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    # Every request's session comes from here (`DatabaseDep`).
    app.state.database = database
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
        health_router,
    ):
        app.include_router(router)
    install_docs(app)
    install_openapi(app)
    versions = DataVersion(app.state.engine, settings.data_version_ttl)
    store = app.state.answer_store = AnswerStore(settings.response_cache_mb << 20)
    app.add_middleware(
        CachingMiddleware, versions=versions, max_age=settings.cache_max_age, store=store
    )
    return app
