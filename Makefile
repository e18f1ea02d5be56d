# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test setup migrate seed check lint typecheck pytest clean

run: seed  ## set up, migrate, seed, serve on http://$(HOST):$(PORT)
	$(BIN)/uvicorn app.main:create_app --factory --host $(HOST) --port $(PORT)

test: setup lint typecheck pytest  ## set up and run every test (SQLite and PostgreSQL)

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: setup
	$(BIN)/alembic upgrade head

seed: migrate
	$(BIN)/python -m seeds

check: setup  ## validate the curated dataset without writing
	$(BIN)/python -m seeds --check --no-database

lint: setup
	$(BIN)/ruff check app seeds tests migrations
	$(BIN)/ruff format --check app seeds tests migrations

typecheck: setup
	$(BIN)/mypy app seeds

pytest: setup
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
