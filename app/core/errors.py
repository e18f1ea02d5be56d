"""One error shape: RFC 9457 problem details, for every error on every route."""

import time
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "/problems/"

log = structlog.get_logger("api")


class InvalidParam(BaseModel):
    name: str = Field(description="The parameter, e.g. `query.limit`.")
    reason: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/not-found",
                    "title": "Not found",
                    "status": 404,
                    "detail": "There is no event with slug 'no-such-event'.",
                    "instance": "/v1/events/no-such-event",
                }
            ]
        },
    )

    type: str = Field(description="URI reference naming the kind of problem.")
    title: str
    status: int
    detail: str
    instance: str | None = Field(
        default=None,
        description="The request path that failed; absent when a request was refused "
        "before its path was read (a request line too long: 414).",
    )
    invalid_params: list[InvalidParam] | None = Field(
        default=None, alias="invalid-params", serialization_alias="invalid-params"
    )
    release: str | None = Field(
        default=None,
        description="On a 410: the version of the release that removed the record asked "
        "for, or, for an earlier release's package, of the release that replaced it "
        "(`/v1/releases/{version}`).",
    )


class ProblemError(Exception):
    """Base of the service's errors: each class carries its status and problem type."""

    status = 500
    type = "internal-error"
    title = "Internal server error"
    params: list[InvalidParam] | None = None  # the `invalid-params` member, when given
    release: str | None = None  # the `release` member, when given

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers


class NotFound(ProblemError):
    status, type, title = 404, "not-found", "Not found"


class Gone(ProblemError):
    """What a release removed: a record, or (for a package) the data of an earlier release."""

    status, type, title = 410, "gone", "Gone"

    def __init__(self, detail: str, *, release: str) -> None:
        super().__init__(detail)
        self.release = release


# A 410 as tests/releases saw it, for the document (no request to the seeded data gets one).
GONE_EXAMPLE = {
    "type": "/problems/gone",
    "title": "Gone",
    "status": 410,
    "detail": "The quote 'officials-liaison-office-opposed-by-france-2023' was deleted in "
    "release 2 (b4db4ef5d2b26ee005af4e72a8494d8c533ce42bd28df8227f8106776cc7938c, 2026-11-30).",
    "instance": "/v1/quotes/officials-liaison-office-opposed-by-france-2023",
    "release": "b4db4ef5d2b26ee005af4e72a8494d8c533ce42bd28df8227f8106776cc7938c",
}


class InvalidParameter(ProblemError):
    status, type, title = 422, "invalid-parameters", "Invalid parameters"

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.params = [InvalidParam(name=name, reason=reason)]


class UnknownRecord(InvalidParameter):
    """A well-formed slug in a filter that names no record: the list it asks for does not
    exist, as a detail of a missing record does not (a typo never looks like a result)."""

    status, type, title = 404, "not-found", "Not found"


class NotAcceptable(ProblemError):
    status, type, title = 406, "not-acceptable", "Not acceptable"


class NotReady(ProblemError):
    status, type, title = 503, "not-ready", "Service not ready"


class DatabaseUnavailable(ProblemError):
    """The database cannot answer now; `kind` says how (see `OUTAGES`)."""

    status, type, title = 503, "database-unavailable", "Database unavailable"

    def __init__(self, kind: str, timeout: float) -> None:
        super().__init__(OUTAGES[kind].format(timeout=timeout), headers={"Retry-After": "5"})
        self.kind = kind


# What each kind of outage is, in words true of it (the detail of the 503 and of /readyz).
OUTAGES = {
    "timeout": "The database did not answer within {timeout:g} s.",
    "slow": "The database did not finish this request's reading within {timeout:g} s.",
    "locked": "The database is locked by another process; waited {timeout:g} s.",
    "unreachable": "The database cannot be reached or opened.",
    "unmigrated": "The database has no schema: it must be migrated and seeded.",
}


async def _problem_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    body = Problem(
        type=PROBLEM_BASE + exc.type,
        title=exc.title,
        status=exc.status,
        detail=exc.detail,
        instance=request.url.path,
        **({"invalid-params": exc.params} if exc.params else {}),
        release=exc.release,
    )
    return JSONResponse(
        body.model_dump(by_alias=True, exclude_none=True),
        status_code=exc.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=exc.headers,
    )


# While the database is out, one log line per kind of outage in this many seconds, with
# the number of requests it failed meanwhile, not a line (or a traceback) per request.
OUTAGE_LOG_EVERY_S = 10.0
_outages_logged: dict[str, tuple[float, int]] = {}  # kind -> (last line at, failed since)


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DatabaseUnavailable)
    request.scope.setdefault("state", {})["failure"] = f"database-{exc.kind}"  # for metrics
    now = time.monotonic()
    logged_at, failed = _outages_logged.get(exc.kind, (float("-inf"), 0))
    if now - logged_at >= OUTAGE_LOG_EVERY_S:
        log.warning("database unavailable", kind=exc.kind, detail=exc.detail, failed=failed + 1)
        _outages_logged[exc.kind] = (now, 0)
    else:
        _outages_logged[exc.kind] = (logged_at, failed + 1)
    return await _problem_error(request, exc)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else phrase
    if exc.status_code == 404 and detail == phrase:
        detail = f"There is no resource at {request.url.path}."
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
    problem = ProblemError(detail, headers=getattr(exc, "headers", None))
    problem.status, problem.title = exc.status_code, phrase
    problem.type = phrase.lower().replace(" ", "-")  # not-found, method-not-allowed, ...
    return await _problem_error(request, problem)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    params = [
        InvalidParam(name=".".join(str(p) for p in error["loc"]), reason=error["msg"])
        for error in exc.errors()
    ]
    names = ", ".join(p.name for p in params)
    problem = ProblemError(f"The request has invalid parameters: {names}.")
    problem.status, problem.type, problem.title = 422, "invalid-parameters", "Invalid parameters"
    problem.params = params
    return await _problem_error(request, problem)


# The message of an unexpected error may leak internals; the log keeps it.
FAILED = "The server failed to answer this request; the failure has been logged."


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    return await _problem_error(request, ProblemError(FAILED))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _problem_error)
    app.add_exception_handler(DatabaseUnavailable, _database_unavailable)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry that documents a route's problem answers in OpenAPI."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in statuses
    }
