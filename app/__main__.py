"""`python -m app`: serve the service with uvicorn, its settings and its request limits
(HOST, PORT, WORKERS, the limits in app/core/config.py). Proxy headers are trusted from
FORWARDED_ALLOW_IPS only (uvicorn's default: 127.0.0.1)."""

import uvicorn

from app.core.config import get_settings
from app.http.limits import LimitedHttp


def main() -> None:
    settings = get_settings()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=LimitedHttp,
        timeout_keep_alive=settings.keep_alive_timeout,  # type: ignore[arg-type]
        timeout_graceful_shutdown=settings.shutdown_timeout,  # type: ignore[arg-type]
        proxy_headers=True,
        access_log=False,  # the app writes one JSON line per request (app/http/telemetry.py)
    )


if __name__ == "__main__":
    main()
