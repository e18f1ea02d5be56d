"""What a client may send before the app sees a request: uvicorn's HTTP protocol (httptools)
with limits on the request line and on the whole head, and a time limit for the head.

uvicorn reads a head of any size and for as long as the client takes (a 100 MB header was
read in full; a slow one kept its connection open indefinitely). This protocol counts the
bytes of each head as they arrive, before the parser buffers them, and answers 414, 431
or 408 with a problem document, then closes the connection. `python -m app` serves with
it (app/__main__.py).
"""

import json
from asyncio import TimerHandle, Transport
from http import HTTPStatus
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.core.config import Settings, get_settings
from app.core.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE


class LimitedHttp(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = get_settings()
        self.line_limit, self.head_limit = settings.max_request_line, settings.max_request_head
        self.head_timeout = settings.header_timeout
        self._reading_head = True
        self._line_open, self._line_bytes, self._head_bytes = True, 0, 0
        self._line = bytearray()
        self._head_timer: TimerHandle | None = None

    def connection_made(self, transport: Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._time_the_head()  # a connection that sends nothing is closed too

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timing()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._reading_head:
            self._time_the_head()
            if self._line_open:
                end = data.find(b"\n")
                self._line_bytes += len(data) if end < 0 else end
                self._line_open = end < 0
                if self._line_bytes <= self.line_limit:  # kept to name the path refused
                    self._line += data if end < 0 else data[:end].rstrip(b"\r")
                if self._line_bytes > self.line_limit:
                    return self._refuse(414, f"The request line exceeds {self.line_limit} bytes.")
            end = data.find(b"\r\n\r\n")  # what follows a head's end is not the head
            self._head_bytes += len(data) if end < 0 else end
            if self._head_bytes > self.head_limit:
                return self._refuse(
                    431, f"The request line and headers exceed {self.head_limit} bytes."
                )
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._reading_head = False
        self._stop_timing()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        # What arrives next is the head of the next request on this connection.
        self._reading_head, self._line_open, self._line_bytes, self._head_bytes = True, True, 0, 0
        self._line = bytearray()

    def _time_the_head(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout, self._too_slow)

    def _stop_timing(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if not self._reading_head or self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            self._time_the_head()  # an answer is still being sent: never cut into it
            return
        self._refuse(408, f"The request's head did not arrive within {self.head_timeout:g} s.")

    def _refuse(self, status: int, detail: str) -> None:
        """Answer `status` with a problem document and close the connection (just close
        it while an earlier answer is still being sent: a refusal must not cut into it)."""
        self._stop_timing()
        self._reading_head = False
        if self.cycle is not None and not self.cycle.response_complete:
            self.transport.close()
            return
        path = None
        if not self._line_open:  # the request line was read: its path is the instance
            parts = bytes(self._line).split(b" ")
            path = parts[1].split(b"?")[0].decode("latin-1") if len(parts) == 3 else None
        body = json.dumps(refusal(status, detail, path)).encode()
        phrase = HTTPStatus(status).phrase
        head = [f"HTTP/1.1 {status} {phrase}", f"content-type: {PROBLEM_MEDIA_TYPE}"]
        head += [f"content-length: {len(body)}", "connection: close", "", ""]
        self.transport.write("\r\n".join(head).encode() + body)
        self.transport.close()


def refusal(status: int, detail: str, path: str | None = None) -> dict[str, Any]:
    """The problem document of a request refused before the app saw it; its `instance`
    is the request's path when its line was read."""
    phrase = HTTPStatus(status).phrase
    problem: dict[str, Any] = {
        "type": PROBLEM_BASE + phrase.lower().replace(" ", "-"),
        "title": phrase,
        "status": status,
        "detail": detail,
    }
    if path is not None:
        problem["instance"] = path
    return problem


def refusal_examples() -> dict[str, dict[str, Any]]:
    """The refusals the OpenAPI document declares on every operation, with the default
    limits."""
    fields = Settings.model_fields
    line, head = fields["max_request_line"].default, fields["max_request_head"].default
    return {
        "414": refusal(414, f"The request line exceeds {line} bytes."),
        "431": refusal(431, f"The request line and headers exceed {head} bytes.", "/v1/events"),
    }
