"""OpenAPI fragments shared by the resources' routers."""

from typing import Any

from app.core.errors import problem_responses


def list_responses(description: str, *, calendar: bool = False) -> dict[int | str, Any]:
    """A list route's documented answers: JSON page or exports, and its problems."""
    content: dict[str, Any] = {"text/csv": {}, "application/x-ndjson": {}}
    if calendar:
        content["text/calendar"] = {}
    return {200: {"description": description, "content": content}, **problem_responses(406, 422)}


DETAIL_RESPONSES = problem_responses(404, 406, 422)
