# syntax=docker/dockerfile:1
# Build stage: install the project and its dependencies, at the versions requirements.lock
# names, into a virtual environment. The base image is pinned to a patch release.
FROM python:3.11.7-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /srv
RUN python -m venv /opt/venv
COPY pyproject.toml requirements.lock README.md ./
COPY app ./app
COPY seeds ./seeds
RUN /opt/venv/bin/pip install -c requirements.lock .

# Runtime stage: the environment (the service, its seed data and the source documents are
# inside the installed package) and the migrations; no build tools, no source tree.
FROM python:3.11.7-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DATABASE_URL=sqlite:////data/nato_japan.db HOST=0.0.0.0 PORT=8000 WORKERS=1 \
    FORWARDED_ALLOW_IPS=127.0.0.1
RUN useradd --system --uid 10001 --home-dir /srv --shell /usr/sbin/nologin api \
    && mkdir -p /data && chown api /data
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
USER api
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz\", timeout=2)"]
# Alone (SQLite in /data): migrate and seed (both idempotent) at every start, then serve.
# compose.yaml runs the release step once instead, and `python -m app` in each instance.
# HOST, PORT, WORKERS, FORWARDED_ALLOW_IPS and every setting of README come from the
# environment.
CMD ["sh", "-c", "alembic upgrade head && python -m seeds && exec python -m app"]
