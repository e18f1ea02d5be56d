"""`app.http.limits`, under `python -m app` on loopback: a request line or head past its
limit is refused (414, 431) as soon as the limit is passed, without reading the rest; a
head that does not arrive in time is refused (408); an idle kept-alive connection is
closed; requests within the limits are served as before. These limits hold before the
app sees a request, so they do not depend on the database: SQLite serves the tests."""

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bench.servers import serve

LINE, HEAD = 1024, 4096
HEADER_TIMEOUT, KEEP_ALIVE = 0.5, 0.5


@pytest.fixture(scope="module")
def address(seeded_url: str) -> Iterator[tuple[str, int]]:
    env = {
        "DATABASE_URL": seeded_url,
        "MAX_REQUEST_LINE": str(LINE),
        "MAX_REQUEST_HEAD": str(HEAD),
        "HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "KEEP_ALIVE_TIMEOUT": str(KEEP_ALIVE),
    }
    with serve("app.main:create_app", workers=1, env=env, ready_path="/healthz") as server:
        host, port = server.base_url.removeprefix("http://").split(":")
        yield host, int(port)


ON_SQLITE = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def exchange(address: tuple[str, int], *parts: bytes, pause: float = 0) -> tuple[bytes, float]:
    """Send `parts` (waiting `pause` between them; a part the server no longer reads is
    dropped) and read until the server closes; gives what it answered and when it closed."""
    with socket.create_connection(address, timeout=10) as sock:
        started = time.perf_counter()
        for part in parts:
            try:
                sock.sendall(part)
            except OSError:  # closed by the server: the rest is never read
                break
            time.sleep(pause)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:  # closed with unread bytes left: a reset may follow
            pass
        return answer, time.perf_counter() - started


def read_answer(sock: socket.socket) -> bytes:
    """One whole answer (head and `Content-Length` bytes of body) from a kept connection."""
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += sock.recv(65536)
    return answer


def problem(answer: bytes, status: int) -> dict[str, Any]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    assert lines[0].startswith(f"HTTP/1.1 {status} "), lines[0]
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    found = json.loads(body)
    assert found["status"] == status and found["detail"]
    return dict(found)


def get(path: str, *headers: str) -> bytes:
    return "\r\n".join([f"GET {path} HTTP/1.1", "Host: localhost", *headers, "", ""]).encode()


@ON_SQLITE
class TestRequestLine:
    def test_within_the_limit_is_served(self, address: tuple[str, int]):
        path = "/v1/events?limit=1&_=" + "a" * (LINE - 100)  # `_` is taken and ignored
        answer, _ = exchange(address, get(path, "Connection: close"))
        assert answer.startswith(b"HTTP/1.1 200 ")

    def test_past_the_limit_is_a_414_without_reading_the_rest(self, address: tuple[str, int]):
        # Ten megabytes of path: refused once the limit is passed, not read to the end.
        chunks = [b"GET /v1/events?q=", *[b"a" * 65536] * 160, b" HTTP/1.1\r\n\r\n"]
        answer, took = exchange(address, *chunks)
        refused = problem(answer, 414)
        assert f"{LINE} bytes" in refused["detail"]
        assert "instance" not in refused  # the path was never read whole
        assert took < 5


@ON_SQLITE
class TestHead:
    def test_within_the_limit_is_served(self, address: tuple[str, int]):
        filler = "X-Filler: " + "b" * (HEAD - 200)
        answer, _ = exchange(address, get("/healthz", filler, "Connection: close"))
        assert answer.startswith(b"HTTP/1.1 200 ")

    def test_past_the_limit_is_a_431_without_reading_the_rest(self, address: tuple[str, int]):
        # A hundred megabytes of one header, as the probe sent: the server stops
        # reading at the limit and closes; the health check answers meanwhile.
        first = get("/healthz").removesuffix(b"\r\n") + b"X-Huge: "
        answer, took = exchange(address, first, *[b"c" * 1_048_576] * 100)
        refused = problem(answer, 431)
        assert f"{HEAD} bytes" in refused["detail"] and refused["instance"] == "/healthz"
        assert took < 5

    def test_many_small_headers_count_together(self, address: tuple[str, int]):
        headers = [f"X-H{i}: {'d' * 50}" for i in range(HEAD // 50)]
        answer, _ = exchange(address, get("/healthz", *headers))
        problem(answer, 431)


@ON_SQLITE
class TestTimeouts:
    def test_a_head_that_does_not_arrive_in_time_is_a_408(self, address: tuple[str, int]):
        # One header line, then nothing: a slow client holds no connection for long.
        answer, took = exchange(address, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        assert "did not arrive within" in problem(answer, 408)["detail"]
        assert HEADER_TIMEOUT - 0.1 <= took < HEADER_TIMEOUT + 2  # the loop's timer, not ours

    def test_a_head_sent_a_byte_at_a_time_is_cut_off_too(self, address: tuple[str, int]):
        slow = [bytes([b]) for b in get("/healthz", "X-Slow: " + "e" * 50)]
        answer, took = exchange(address, *slow, pause=0.05)
        problem(answer, 408)
        assert took < HEADER_TIMEOUT + 2

    def test_a_connection_that_sends_nothing_is_closed(self, address: tuple[str, int]):
        answer, took = exchange(address)
        problem(answer, 408)
        assert HEADER_TIMEOUT - 0.1 <= took < HEADER_TIMEOUT + 2  # the loop's timer, not ours

    def test_an_idle_kept_alive_connection_is_closed(self, address: tuple[str, int]):
        with socket.create_connection(address, timeout=10) as sock:
            for _ in range(2):  # the connection is kept between requests...
                sock.sendall(get("/healthz"))
                assert read_answer(sock).startswith(b"HTTP/1.1 200 ")
            started = time.perf_counter()
            assert sock.recv(65536) == b""  # ...until it has been idle for the timeout
            assert KEEP_ALIVE - 0.1 <= time.perf_counter() - started < KEEP_ALIVE + 2
