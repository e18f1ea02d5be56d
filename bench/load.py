"""Drive a URL with wrk (a separate process) and read its figures."""

import re
import shutil
import subprocess
from dataclasses import dataclass, field

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class LoadResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers and socket errors (timeouts included)
    bad_answers: int = 0  # non-2xx/3xx answers alone
    printed: list[str] = field(default_factory=list)  # what a script's done() wrote


def ensure_wrk() -> str:
    """wrk from Debian's packages; installed when missing."""
    return ensure("wrk", "wrk")


def ensure(command: str, package: str) -> str:
    """The path of `command`, installing Debian's `package` when it is missing (as root or
    through sudo; apt waits up to ten minutes for another process holding its lock)."""
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/sbin")
    if found:
        return found
    apt = [*([] if _is_root() else ["sudo"]), "env", "DEBIAN_FRONTEND=noninteractive"]
    apt += ["apt-get", "-o", "DPkg::Lock::Timeout=600"]
    subprocess.run([*apt, "update", "-q"], check=True)
    subprocess.run([*apt, "install", "-y", "-q", "--no-install-recommends", package], check=True)
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/sbin")
    if not found:
        raise RuntimeError(f"{command} is still missing after apt-get install {package}")
    return found


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"unreadable latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def run_wrk(
    url: str,
    *,
    connections: int,
    duration: int,
    threads: int = 1,
    headers: dict[str, str] | None = None,
    script: str | None = None,
) -> LoadResult:
    # A generous timeout: a slow answer is measured as slow, not dropped as an error.
    command = [
        ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s",
        "--latency",
    ]  # fmt: skip
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:  # a Lua script that chooses each request (bench/stack.py)
        command += ["-s", script]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = int(bad.group(1)) if bad else 0
    if errors:
        failed += sum(int(g) for g in errors.groups())
    after = out.split("Transfer/sec:", 1)[-1].splitlines()[1:]
    return LoadResult(
        requests_per_s=rps, p50_ms=p50, p99_ms=p99, requests=total, errors=failed,
        bad_answers=int(bad.group(1)) if bad else 0, printed=[ln for ln in after if ln.strip()],
    )  # fmt: skip
