# syntax=docker/dockerfile:1
# Build stage: install the project and its dependencies into a virtual environment.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /srv
RUN python -m venv /opt/venv
COPY pyproject.toml README.md ./
COPY app ./app
COPY seeds ./seeds
RUN /opt/venv/bin/pip install .

# Runtime stage: the environment, the migrations and the seed data; no build tools.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DATABASE_URL=sqlite:////data/nato_japan.db HOST=0.0.0.0 PORT=8000 \
    FORWARDED_ALLOW_IPS=127.0.0.1
RUN useradd --system --uid 10001 --home-dir /srv --shell /usr/sbin/nologin api \
    && mkdir -p /data && chown api /data
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
COPY app ./app
COPY seeds ./seeds
USER api
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz\", timeout=2)"]
# Migrate and seed (both idempotent) on every start, then serve.
CMD ["sh", "-c", "alembic upgrade head && python -m seeds && exec python -m app"]
