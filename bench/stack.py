"""What production looks like, on this machine and without containers: nginx (Debian's
package) as reverse proxy and HTTP cache in front of several instances of the service
(`python -m app`), all on one PostgreSQL database.

`make stack` serves it until interrupted; tests/stack/ and `make bench-stack` start it
with `stack(...)`. nginx's configuration is made by `nginx_config`, and deploy/nginx.conf
(the one compose.yaml uses) is the same text with compose's addresses.
"""

import argparse
import getpass
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import make_url

from app.core.engine import upgrade
from bench.load import ensure
from bench.servers import ROOT, Server, free_port, serve

NGINX_CONF = ROOT / "deploy" / "nginx.conf.template"


def nginx_config(
    *, listen: str, upstreams: list[str], cache_dir: Path | None, prefix: Path,
    error_log: str | None = None, user: str | None = None,
) -> str:  # fmt: skip
    """nginx's configuration: `upstreams` (host:port) behind `listen`, each request that
    cannot reach one instance sent to another, answers cached in `cache_dir` (None: no
    cache) as the service's `Cache-Control` allows, revalidated with `If-None-Match`."""
    template = NGINX_CONF.read_text(encoding="utf-8")
    servers = "\n".join(f"        server {host} max_fails=1 fail_timeout=2s;" for host in upstreams)
    cache = (
        f"proxy_cache_path {cache_dir} levels=1:2 keys_zone=api:10m max_size=1g inactive=1h "
        "use_temp_path=off;"
        if cache_dir is not None
        else ""
    )
    if user is None:  # as root, nginx's workers need a user; otherwise it warns
        user = getpass.getuser() if os.geteuid() == 0 else ""
    return (
        template.replace("{{user}}", f"user {user};" if user else "")
        .replace("{{pid}}", str(prefix / "nginx.pid"))
        .replace("{{error_log}}", error_log or str(prefix / "error.log"))
        .replace("{{temp}}", str(prefix))
        .replace("{{upstreams}}", servers)
        .replace("{{cache_path}}", cache)
        .replace("{{cache}}", "api" if cache_dir is not None else "off")
        .replace("{{listen}}", listen)
    )


def compose_nginx_config() -> str:
    """deploy/nginx.conf: the same configuration, with compose.yaml's addresses."""
    made = "# Written by `python -m bench.stack --write-compose-config`: edit the template.\n"
    return made + nginx_config(
        listen="80",
        upstreams=["api1:8000", "api2:8000"],
        cache_dir=Path("/var/cache/nginx/api"),
        prefix=Path("/tmp"),
        error_log="/dev/stderr",
        user="nginx",
    )


@dataclass
class Stack:
    url: str  # nginx
    instances: list[Server]
    database_url: str


@contextmanager
def stack(
    database_url: str, *, instances: int = 2, cache: bool = True,
    env: dict[str, str] | None = None, port: int | None = None,
) -> Iterator[Stack]:  # fmt: skip
    """nginx on `port` (default: a free one) in front of `instances` copies of the service
    on `database_url` (migrated and seeded beforehand); everything stopped afterwards."""
    nginx = ensure("nginx", "nginx-light")
    with ExitStack() as stop, tempfile.TemporaryDirectory(prefix="nj-stack-") as folder:
        prefix = Path(folder)
        settings = {"DATABASE_URL": database_url, **(env or {})}
        servers = [
            stop.enter_context(
                serve("app.main:create_app", workers=1, env=settings, ready_path="/readyz")
            )
            for _ in range(instances)
        ]
        port = port or free_port()
        config = prefix / "nginx.conf"
        config.write_text(
            nginx_config(
                listen=f"127.0.0.1:{port}",
                upstreams=[s.base_url.removeprefix("http://") for s in servers],
                cache_dir=prefix / "cache" if cache else None,
                prefix=prefix,
            ),
            encoding="utf-8",
        )
        log = prefix / "error.log"
        process = subprocess.Popen([nginx, "-c", str(config), "-p", str(prefix), "-e", str(log)])
        stop.callback(_stop, process)
        url = f"http://127.0.0.1:{port}"
        _wait_for(url + "/healthz", process, log)
        yield Stack(url, servers, database_url)


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}: {_read(log)}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not answer within 20 s: {_read(log)}")


def _read(log: Path) -> str:
    return log.read_text() if log.exists() else ""


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGQUIT)  # nginx's graceful stop
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def prepare(database_url: str) -> None:
    """Create the PostgreSQL database if it is missing, migrate it, seed it (the release
    step of docs/deploy.md; each is a no-op when already done)."""
    url = make_url(database_url)
    server = url.set(drivername="postgresql", database="postgres").render_as_string(False)
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (url.database,)
        ).fetchone()
        if found is None:
            connection.execute(f'CREATE DATABASE "{url.database}"')
    upgrade(database_url)
    command = [sys.executable, "-m", "seeds", "--database-url", database_url]
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="PostgreSQL (made if missing)")
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens")
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument(
        "--write-compose-config", action="store_true", help="write deploy/nginx.conf and stop"
    )
    args = parser.parse_args()
    if args.write_compose_config:
        (ROOT / "deploy" / "nginx.conf").write_text(compose_nginx_config(), encoding="utf-8")
        return
    prepare(args.database_url)
    with stack(
        args.database_url, instances=args.instances, cache=not args.no_cache, port=args.port
    ) as running:
        print(f"nginx: {running.url}", file=sys.stderr)
        for server in running.instances:
            print(f"instance: {server.base_url}", file=sys.stderr)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
