"""The docs pages work in a real browser with every other host unreachable.

Headless Debian chromium (`make browser` installs it), driven by Playwright, opens the
pages of a real server. Every request to a host other than 127.0.0.1 is aborted and
recorded, so the test proves the pages need nothing from the internet. A missing
chromium fails the test: it is never skipped for that.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Route,
    expect,
    sync_playwright,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LOCAL_HOST = "127.0.0.1"
TIMEOUT_MS = 30_000
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",  # the tests run as root in a container
    "--disable-gpu",
    "--disable-dev-shm-usage",  # a container's /dev/shm can be too small
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# Operations the Swagger UI page must list: (tag, operationId).
OPERATIONS = [
    ("events", "listEvents"),
    ("events", "getEvent"),
    ("programmes", "listProgrammes"),
    ("sources", "listSources"),
    ("health", "getReadiness"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOCAL_HOST, 0))
        return int(sock.getsockname()[1])


def _wait_until_ready(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    last = "no answer"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"uvicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            response = httpx.get(f"{base_url}/readyz", timeout=2)
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text}"
        except httpx.HTTPError as exc:
            last = repr(exc)
        time.sleep(0.2)
    pytest.fail(f"{base_url}/readyz not ready in time ({last}):\n{log.read_text()}")


@pytest.fixture(scope="module")
def server(backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """Base URL of `uvicorn app.main:create_app` serving the seeded SQLite database."""
    if backend != "sqlite":
        pytest.skip("the docs pages do not depend on the database; the browser test runs on SQLite")
    seeded_url = request.getfixturevalue("seeded_url")
    port = _free_port()
    log = Path(tempfile.mkdtemp(prefix="docs-server-")) / "uvicorn.log"
    command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
    command += ["--host", LOCAL_HOST, "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env={**os.environ, "DATABASE_URL": seeded_url},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://{LOCAL_HOST}:{port}"
    try:
        _wait_until_ready(base_url, process, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless; Playwright gives it a fresh temporary profile."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium). "
            "The browser test is never skipped."
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS
        )
        yield launched
        launched.close()


class OfflineContext:
    """A browser context where every non-local request is aborted and recorded.

    It also records what the page's Content-Security-Policy refused (the browser sends
    no request for those), uncaught page errors, and console errors.
    """

    def __init__(self, browser: Browser) -> None:
        self.context: BrowserContext = browser.new_context()
        self.context.set_default_timeout(TIMEOUT_MS)
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.context.add_init_script(
            "window.__refused = [];"
            "document.addEventListener('securitypolicyviolation',"
            " (e) => window.__refused.push(e.blockedURI));"
        )

    def _route(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            self.external.append(url)
            route.abort("blockedbyclient")

    def open(self, url: str) -> Page:
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._console)
        page.goto(url, wait_until="load")
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    @staticmethod
    def refused(page: Page) -> list[str]:
        """URLs the page's Content-Security-Policy stopped before any request was made."""
        return list(page.evaluate("window.__refused"))


@pytest.fixture
def offline(browser: Browser) -> Iterator[OfflineContext]:
    context = OfflineContext(browser)
    yield context
    context.context.close()


class TestSwaggerUiInBrowser:
    def test_lists_operations_and_runs_one_with_no_other_host(
        self, server: str, offline: OfflineContext
    ) -> None:
        page = offline.open(f"{server}/docs")
        for tag, operation_id in OPERATIONS:
            expect(page.locator(f"#operations-{tag}-{operation_id}")).to_be_visible(
                timeout=TIMEOUT_MS
            )

        operation = page.locator("#operations-events-listEvents")
        expect(operation.locator(".opblock-summary-path")).to_have_text("/v1/events")
        operation.locator(".opblock-summary").first.click()
        operation.get_by_role("button", name="Try it out").click()
        operation.get_by_role("button", name="Execute").click()

        status = operation.locator(".live-responses-table tbody .response-col_status")
        expect(status).to_have_text("200", timeout=TIMEOUT_MS)
        body = operation.locator(".live-responses-table .response-col_description pre").first
        expect(body).to_contain_text('"data"', timeout=TIMEOUT_MS)

        assert offline.external == [], f"requests to other hosts: {offline.external}"
        assert offline.refused(page) == [], "the page asked for another host"
        assert offline.errors == [], f"errors on the page: {offline.errors}"


class TestRedocInBrowser:
    def test_renders_the_api_title_with_no_other_host(
        self, server: str, offline: OfflineContext
    ) -> None:
        page = offline.open(f"{server}/redoc")
        heading = page.locator("h1").filter(has_text="NATO–Japan cooperation API")
        expect(heading).to_be_visible(timeout=TIMEOUT_MS)
        expect(page.get_by_text("List events").first).to_be_attached(timeout=TIMEOUT_MS)

        assert offline.external == [], f"requests to other hosts: {offline.external}"
        # ReDoc's sidebar always asks for Redocly's logo; the page's policy refuses it
        # before any request leaves the browser. Anything else refused is a regression.
        refused = offline.refused(page)
        assert set(refused) <= {REDOCLY_LOGO}, f"the page asked for other hosts: {refused}"
        errors = [e for e in offline.errors if REDOCLY_LOGO not in e]
        assert errors == [], f"errors on the page: {errors}"
