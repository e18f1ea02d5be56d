"""The interactive docs (`/docs`, `/redoc`), served with no CDN.

FastAPI's own docs pages load Swagger UI, ReDoc, a favicon and Google fonts from other
hosts, so they stay blank on a machine with no internet access. The `fastapi-offline`
package ships those files in its wheel; we use only its static directory and render
the pages with FastAPI's own HTML helpers, pointed at our local copies.
"""

from importlib.util import find_spec
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
REDOC_URL = "/redoc"
ASSETS_URL = "/static/docs"

SWAGGER_JS = "swagger-ui-bundle.js"
SWAGGER_CSS = "swagger-ui.css"
REDOC_JS = "redoc.standalone.js"
FAVICON = "favicon.png"

# The pages may load only from this service. ReDoc's sidebar hard-codes a Redocly logo
# from its CDN (`cdn.redoc.ly`); with this policy the browser refuses it without sending a
# request, and ReDoc hides the broken image. Swagger UI starts from an inline script and
# both UIs inject inline styles and data: images; ReDoc searches in a blob: worker.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        # No other site may frame the pages (clickjacking).
        "frame-ancestors 'none'",
    ]
)


def asset_directory() -> Path:
    """The folder of Swagger UI and ReDoc files shipped in the `fastapi-offline` wheel."""
    # find_spec locates the package without running its code: we want its files only.
    spec = find_spec("fastapi_offline")
    if spec is None or spec.origin is None:
        raise RuntimeError("The docs assets need the `fastapi-offline` package installed.")
    directory = Path(spec.origin).parent / "static"
    missing = [
        f for f in (SWAGGER_JS, SWAGGER_CSS, REDOC_JS, FAVICON) if not (directory / f).is_file()
    ]
    if missing:
        raise RuntimeError(f"fastapi-offline at {directory} lacks {', '.join(missing)}.")
    return directory


def install_docs(app: FastAPI) -> None:
    """Mount the local assets and add `/docs`, its OAuth2 redirect, and `/redoc`."""
    app.mount(ASSETS_URL, StaticFiles(directory=asset_directory()), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"

    async def swagger_ui(request: Request) -> HTMLResponse:
        root = _root_path(request)
        page = get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}{ASSETS_URL}/{SWAGGER_JS}",
            swagger_css_url=f"{root}{ASSETS_URL}/{SWAGGER_CSS}",
            swagger_favicon_url=f"{root}{ASSETS_URL}/{FAVICON}",
            oauth2_redirect_url=root + OAUTH2_REDIRECT_URL,
            init_oauth=app.swagger_ui_init_oauth,
            swagger_ui_parameters=app.swagger_ui_parameters,
        )
        return _local_only(page)

    async def oauth2_redirect() -> HTMLResponse:
        return _local_only(get_swagger_ui_oauth2_redirect_html())

    async def redoc(request: Request) -> HTMLResponse:
        root = _root_path(request)
        page = get_redoc_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS_URL}/{REDOC_JS}",
            redoc_favicon_url=f"{root}{ASSETS_URL}/{FAVICON}",
            with_google_fonts=False,
        )
        return _local_only(page)

    app.get(DOCS_URL, include_in_schema=False)(swagger_ui)
    app.get(OAUTH2_REDIRECT_URL, include_in_schema=False)(oauth2_redirect)
    app.get(REDOC_URL, include_in_schema=False)(redoc)


def _local_only(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


def _root_path(request: Request) -> str:
    # Behind a proxy that strips a prefix, links must carry it back (as FastAPI's do).
    return str(request.scope.get("root_path", "")).rstrip("/")
