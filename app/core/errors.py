"""One error shape: RFC 9457 problem details, for every error on every route."""

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "/problems/"


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
    instance: str = Field(description="The request path that failed.")
    invalid_params: list[InvalidParam] | None = Field(
        default=None, alias="invalid-params", serialization_alias="invalid-params"
    )


class ProblemError(Exception):
    """Base of the service's errors: each class carries its status and problem type."""

    status = 500
    type = "internal-error"
    title = "Internal server error"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers


class NotFound(ProblemError):
    status, type, title = 404, "not-found", "Not found"


class InvalidParameter(ProblemError):
    status, type, title = 422, "invalid-parameters", "Invalid parameters"

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.params = [InvalidParam(name=name, reason=reason)]


class NotAcceptable(ProblemError):
    status, type, title = 406, "not-acceptable", "Not acceptable"


class NotReady(ProblemError):
    status, type, title = 503, "not-ready", "Service not ready"


_TYPES_BY_STATUS = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable"}


def problem_response(
    request: Request,
    *,
    status: int,
    type: str,
    title: str,
    detail: str,
    params: list[InvalidParam] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = Problem(
        type=PROBLEM_BASE + type,
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        **({"invalid-params": params} if params else {}),
    )
    return JSONResponse(
        body.model_dump(by_alias=True, exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


async def _problem_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(
        request,
        status=exc.status,
        type=exc.type,
        title=exc.title,
        detail=exc.detail,
        params=getattr(exc, "params", None),
        headers=exc.headers,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else phrase
    if exc.status_code == 404 and detail == phrase:
        detail = f"There is no resource at {request.url.path}."
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
    kind = _TYPES_BY_STATUS.get(exc.status_code, phrase.lower().replace(" ", "-"))
    return problem_response(
        request,
        status=exc.status_code,
        type=kind,
        title=phrase,
        detail=detail,
        headers=getattr(exc, "headers", None),
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    params = [
        InvalidParam(name=".".join(str(p) for p in error["loc"]), reason=error["msg"])
        for error in exc.errors()
    ]
    names = ", ".join(p.name for p in params)
    return problem_response(
        request,
        status=422,
        type="invalid-parameters",
        title="Invalid parameters",
        detail=f"The request has invalid parameters: {names}.",
        params=params,
    )


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # The message of an unexpected error may leak internals; the log keeps it.
    return problem_response(
        request,
        status=500,
        type="internal-error",
        title="Internal server error",
        detail="The server failed to answer this request; the failure has been logged.",
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _problem_error)
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
