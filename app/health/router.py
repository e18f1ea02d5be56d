"""Liveness and readiness probes."""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict

from app.core.errors import NotReady, problem_responses
from app.health.service import current_data_version, readiness_problem

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
def readyz(request: Request, response: Response) -> Readiness:
    """The database is reachable, migrated to head and seeded; 503 with a problem if not."""
    response.headers["Cache-Control"] = "no-store"
    problem = readiness_problem(request.app.state.engine, request.app.state.head_revision)
    if problem is not None:
        raise NotReady(problem, headers={"Retry-After": "5", "Cache-Control": "no-store"})
    version = current_data_version(request.app.state.engine)
    return Readiness(status="ready", data_version=version or "")
