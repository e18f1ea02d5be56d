"""Liveness and readiness probes."""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict

from app.core.errors import NotReady, problem_responses
from app.health.service import readiness

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
    problem, version = readiness(request.app.state.engine)
    if problem is not None:
        raise NotReady(problem, headers={"Retry-After": "5", "Cache-Control": "no-store"})
    return Readiness(status="ready", data_version=version)
