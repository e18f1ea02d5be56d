# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: bench run test setup migrate seed check lint typecheck spec-lint pytest contract browser browser-test bench-test stack stack-test tools clean examples client

run: seed  ## set up, migrate, seed, serve on http://$(HOST):$(PORT)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python -m app

test: setup lint typecheck spec-lint pytest browser-test bench-test stack-test contract  ## set up and run every test (SQLite and PostgreSQL)

setup: $(STAMP)

# Every dependency at the version requirements.lock names (`make lock` re-resolves it).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

# Resolve pyproject.toml's ranges afresh, in a new environment, into requirements.lock
# (every package and version, the service's and the tools'); review the diff and commit.
.PHONY: lock
lock:
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install --quiet --upgrade pip
	var/lock-venv/bin/python -m pip install --quiet '.[dev]'
	{ echo "# Made by make lock from pyproject.toml; installed with pip install -c (a constraints file)."; \
	  var/lock-venv/bin/python -m pip freeze --exclude nato-japan-api; } > requirements.lock
	rm -rf var/lock-venv

migrate: setup
	$(BIN)/alembic upgrade head

seed: migrate
	$(BIN)/python -m seeds

check: setup  ## validate the curated dataset without writing
	$(BIN)/python -m seeds --check --no-database

lint: setup
	$(BIN)/ruff check app seeds tests migrations bench docs
	$(BIN)/ruff format --check app seeds tests migrations bench docs

typecheck: setup
	$(BIN)/mypy app seeds

# The service's tests, in two processes (one per core: many tests wait on a server or a
# timeout, so two halve the wall time); the browser, benchmark-tool and contract tests have
# targets of their own (below), which `make test` runs too. Schemathesis and Hypothesis
# serve the contract tests only: their pytest plugins, not loaded, save each process 1.2 s.
PYTEST_WORKERS ?= 2
pytest: setup
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) -p no:schemathesis -p no:hypothesispytest \
		--ignore=tests/contract --ignore=tests/browser --ignore=tests/bench --ignore=tests/stack

# The docs pages in a real browser (tests/browser/).
browser-test: setup browser
	$(BIN)/pytest -q tests/browser

# The benchmark tools: scale data, harness, snapshots (tests/bench/).
bench-test: setup
	$(BIN)/pytest -q tests/bench

# What production looks like, without containers (bench/stack.py): nginx as reverse proxy
# and cache on STACK_PORT, in front of two instances of the service, on the PostgreSQL
# database STACK_DB (created, migrated and seeded when needed). Stop it with Ctrl-C.
STACK_DB ?= postgresql+psycopg://postgres@127.0.0.1:5432/nj_stack
STACK_PORT ?= 8080
stack: setup tools  ## nginx + two instances + PostgreSQL on http://127.0.0.1:$(STACK_PORT)
	$(BIN)/python -m bench.stack --database-url $(STACK_DB) --port $(STACK_PORT)

# The stack's own test: routing, the cache, an instance stopped under load, SIGTERM.
stack-test: setup tools
	$(BIN)/pytest -q tests/stack

# nginx and wrk from Debian's packages, when missing.
tools:
	@command -v wrk >/dev/null && { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null || \
		{ $(APT) update && $(APT) install -y --no-install-recommends nginx-light wrk; }

# schemathesis against a live service on SQLite and PostgreSQL: every operation, every
# check, every phase, a fixed seed (tests/contract/; about a minute per back-end).
contract: setup
	$(BIN)/pytest -q tests/contract

# The docs-page browser test drives Debian's chromium through Playwright; Playwright's own
# browser download is never used (the machines cannot fetch it).
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# apt waits up to ten minutes for another process holding the package lock.
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600

browser:  ## install Debian's chromium when it is missing
	@test -x $(CHROMIUM) || { $(APT) update && $(APT) install -y --no-install-recommends chromium; }
	@test -x $(CHROMIUM) || { echo "$(CHROMIUM) is still missing after apt-get" >&2; exit 1; }

# The OpenAPI document, linted by Redocly (its strict recommended rules) and Spectral (its
# OpenAPI rules), warnings included; the tools are pinned in package.json and
# package-lock.json, and installed into node_modules/ (Node.js and npm from Debian when
# missing). Exceptions, with their reasons: .redocly.lint-ignore.yaml.
NODE_STAMP := node_modules/.installed
SPEC := var/openapi.json

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { $(APT) update && $(APT) install -y --no-install-recommends nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

spec-lint: setup $(NODE_STAMP)  ## lint the OpenAPI document the service serves
	$(BIN)/python docs/openapi_file.py $(SPEC)
	node_modules/.bin/redocly lint $(SPEC)
	node_modules/.bin/spectral lint --fail-severity=warn $(SPEC)

# The Python client in clients/python/, generated from the document the service serves
# by openapi-python-client (pinned in pyproject.toml). tests/clients/ fails when the
# committed client is not what this makes.
client: setup  ## regenerate clients/python/ from the OpenAPI document
	$(BIN)/python docs/openapi_file.py $(SPEC)
	$(BIN)/openapi-python-client generate --path $(SPEC) --output-path clients/python \
		--config clients/openapi-python-client.yaml --meta uv --overwrite

readme-examples: setup  ## re-render the README's examples from a service running on HOST:PORT
	$(BIN)/python docs/render_examples.py http://$(HOST):$(PORT)

examples: seed  ## write app/examples.json: the OpenAPI record examples, as served
	$(BIN)/python docs/record_examples.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# Benchmarks: the service against a bare FastAPI app, on scale data (see docs/performance.md).
BENCH_EVENTS ?= 1000000
BENCH_DB ?= sqlite
# On PostgreSQL it also drives the stack (nginx, two instances) with a Zipf-like mix of
# thousands of URLs, nginx's cache off and on (bench/mix.py; make bench-stack alone).
bench: setup  ## measure; records the figures in docs/performance.md
	$(BIN)/python -m bench.harness --db $(BENCH_DB) --events $(BENCH_EVENTS) --record
	@if [ "$(BENCH_DB)" = postgresql ]; then $(MAKE) --no-print-directory bench-stack; fi

# /v1/search alone: the everyday queries' p50 with one connection and requests/s with 32,
# the index's build time and size (bench/search.py); records a table in docs/performance.md.
.PHONY: bench-search
bench-search: setup
	$(BIN)/python -m bench.search --db $(BENCH_DB) --events $(BENCH_EVENTS) --record

.PHONY: bench-stack
bench-stack: setup tools
	$(BIN)/python -m bench.mix --events $(BENCH_EVENTS) --record

# What each performance mechanism buys: the service with it taken out, against the service
# (see bench/mechanisms.py); records a table per back-end in docs/performance.md.
.PHONY: mechanisms
mechanisms: setup
	$(BIN)/python -m bench.mechanisms --db $(BENCH_DB) --events $(BENCH_EVENTS) --record

# What FastAPI's own handling costs a route, and each dependency it solves (in process).
.PHONY: framework-cost
framework-cost: setup
	$(BIN)/python -m bench.framework_cost

# Where the worker's time goes while wrk drives the first page (py-spy; see bench/load_profile.py).
.PHONY: profile-load
profile-load: setup
	$(BIN)/python -m bench.load_profile --db $(BENCH_DB) --events $(BENCH_EVENTS) \
		--path "/v1/events?limit=20" --out docs/profiles/first-page-under-load-$(BENCH_DB).txt

# Synthetic data at scale, in a database of its own (never the default one): the SQLite file
# var/scale-N.db, or the PostgreSQL database nj_scale_N on PG_SERVER (created if missing).
# FRESH=1 drops and recreates it first. Deterministic: the same N and SEED give the same rows.
.PHONY: scale-data
scale-data: N ?= 100000
scale-data: DB ?= sqlite
scale-data: SEED ?= 42
scale-data: PG_SERVER ?= postgresql+psycopg://postgres@127.0.0.1:5432
scale-data: setup  ## synthetic data: make scale-data N=100000 DB=sqlite|postgresql [FRESH=1]
	@case "$(DB)" in \
		sqlite) url="sqlite:///$(CURDIR)/var/scale-$(N).db" ;; \
		postgresql) url="$(PG_SERVER)/nj_scale_$(N)" ;; \
		*) echo "DB must be sqlite or postgresql, not '$(DB)'" >&2; exit 2 ;; \
	esac; \
	$(BIN)/python -m bench.scale --events $(N) --seed $(SEED) --database-url "$$url" $(if $(FRESH),--fresh)
