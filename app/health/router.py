"""Liveness and readiness probes, and what the service is (`/v1/meta`)."""

import asyncio
from datetime import datetime

from anyio import CapacityLimiter, to_thread
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from app.core.db import DatabaseDep
from app.core.errors import OUTAGES, NotReady, problem_responses
from app.core.models import Format
from app.health.service import about, readiness
from app.http.responses import accept, json_response

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: str


class Readiness(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ready", "data_version": "4dd8ed32dc54…"}]}
    )

    status: str
    data_version: str


@router.get("/healthz", response_model=Health, operation_id="getHealth", summary="Liveness")
async def healthz(response: Response) -> Health:
    """The process is alive and answering. It does not touch the database."""
    response.headers["Cache-Control"] = "no-store"
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Readiness,
    operation_id="getReadiness",
    summary="Readiness",
    responses=problem_responses(503),
)
async def readyz(request: Request, response: Response) -> Readiness:
    """The database is reachable, migrated to head and seeded, and the search index of
    its data version is built; 503 with a problem if not, within `READY_TIMEOUT` seconds
    (a missing index is then being built: the probe starts it)."""
    response.headers["Cache-Control"] = "no-store"
    settings = request.app.state.settings
    if getattr(request.app.state, "ready_limiter", None) is None:  # not behind data reads
        request.app.state.ready_limiter = CapacityLimiter(1)
    probe = to_thread.run_sync(
        # The probe's own bound a little short of the wait, so that it can say what it met.
        readiness,
        request.app.state.engine,
        settings.ready_timeout * 0.8,
        abandon_on_cancel=True,
        limiter=request.app.state.ready_limiter,
    )
    try:
        problem, version = await asyncio.wait_for(probe, settings.ready_timeout)
    except TimeoutError:
        problem = OUTAGES["timeout"].format(timeout=settings.ready_timeout)
    if problem is None:  # the search index of that version, built (or being built) here
        problem = request.app.state.search_indexes.problem(version)
    if problem is not None:
        raise NotReady(problem, headers={"Retry-After": "5", "Cache-Control": "no-store"})
    return Readiness(status="ready", data_version=version)


class DatasetAbout(BaseModel):
    version: str = Field(description="SHA-256 over the seed files; every ETag depends on it.")
    seeded_at: datetime = Field(description="When this version was seeded (`Last-Modified`).")
    counts: dict[str, int] = Field(description="Records per resource, by its path's name.")


class Meta(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "api_version": "1.0.0",
                    "schema_revision": "search_index",
                    "dataset": {
                        "version": "4dd8ed32dc54539b06d936ddf0aee847"
                        "a9f0c1e4db413419aa134ab94215258a",
                        "seeded_at": "2026-11-30T08:14:03.451337Z",
                        "counts": {
                            "events": 48,
                            "programmes": 13,
                            "areas": 29,
                            "quotes": 29,
                            "people": 8,
                            "organisations": 33,
                            "sources": 5,
                        },
                    },
                }
            ]
        }
    )

    api_version: str = Field(description="The service's version, as in the OpenAPI document.")
    schema_revision: str = Field(description="The database's migration (Alembic).")
    dataset: DatasetAbout


@router.get(
    "/v1/meta",
    response_model=Meta,
    operation_id="getMeta",
    summary="About this service and its dataset",
    tags=["meta"],
    responses=problem_responses(406, 503),
)
async def meta(request: Request, db: DatabaseDep) -> Response:
    """The service's version, the dataset's version and when it was seeded, the database
    schema's revision, and how many records each resource holds. A citable reference:
    the dataset version names exactly the data the answers came from."""
    accept(request, Format.json)
    found = await db.read(about, bounded=True)
    if found is None:
        raise NotReady(
            "The database holds no dataset: run `alembic upgrade head` and `python -m seeds`.",
            headers={"Retry-After": "5"},
        )
    return json_response(found)
