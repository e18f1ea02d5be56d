"""Start the service or the bare app under uvicorn, and watch its memory."""

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of a process and its children (uvicorn's workers), in MB: all of it
    (`VmRSS`), or one part (`RssAnon`, the processes' own; `RssFile`, mapped files)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith(f"{field}:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    startup_s: float
    peak_mb: float = 0.0
    _watching: bool = field(default=False, repr=False)

    def rss_mb(self, field: str = "VmRSS") -> float:
        return _rss_mb(self.process.pid, field)

    @contextmanager
    def watch_memory(self, every: float = 0.05) -> Iterator[None]:
        """Record the peak resident memory while the block runs."""
        self.peak_mb = self.rss_mb()
        self._watching = True

        def sample() -> None:
            while self._watching:
                self.peak_mb = max(self.peak_mb, self.rss_mb())
                time.sleep(every)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield
        finally:
            self._watching = False
            thread.join()


@contextmanager
def serve(
    target: str,
    *,
    workers: int,
    env: dict[str, str] | None = None,
    ready_path: str = "/",
    root: Path = ROOT,
    output: IO[bytes] | None = None,
) -> Iterator[Server]:
    """Run `uvicorn <target>` from the source tree at `root` and yield once `ready_path`
    answers 200; its standard output and error go to `output` (by default, this
    process's)."""
    port = free_port()
    place = {"HOST": "127.0.0.1", "PORT": str(port), "WORKERS": str(workers)}
    if target == "app.main:create_app" and (root / "app" / "__main__.py").exists():
        command = [sys.executable, "-m", "app"]  # the service as it is deployed
    else:  # another app, or a tree from before `python -m app`
        command = [
            sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        if target.endswith("create_app"):
            command.append("--factory")
    started = time.perf_counter()
    # The tree's own `app` first, before the editable install's.
    path = {"PYTHONPATH": str(root)} if root != ROOT else {}
    environment = {**os.environ, **path, **place, **(env or {})}
    errors = None if output is None else subprocess.STDOUT  # with it, tracebacks included
    process = subprocess.Popen(command, cwd=root, env=environment, stdout=output, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = started + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{target} exited with {process.returncode} before it was ready")
            try:
                if httpx.get(base + ready_path, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{target} was not ready within 60 s")
            time.sleep(0.01)
        yield Server(process, base, time.perf_counter() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
