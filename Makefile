# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
MANAGE := $(PY) manage.py

.PHONY: run test lint check clean soak soak-load

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files re-run pip only when the requirements change.
$(VENV)/.runtime: $(VENV)/bin/python requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: $(VENV)/.runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --site-host $(HOST) --site-port $(PORT)
	@echo
	@$(MANAGE) ensure_admin
	@echo
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest

# `make soak`: 64 readers vote for SOAK_DURATION seconds while a worker is
# killed and the database fails (bench/soak.py), then the hostile-input
# property tests at the soak profile (3,500 examples each).
# SOAK_DATABASE=postgres runs it on the local PostgreSQL server.
SOAK_DURATION ?= 60
SOAK_DATABASE ?= sqlite
PROPERTY_TESTS := polls/tests/test_votes_properties.py articles/tests/test_import_properties.py

soak: soak-load
	HYPOTHESIS_PROFILE=soak $(VENV)/bin/pytest -q --hypothesis-show-statistics $(PROPERTY_TESTS)

soak-load: $(VENV)/.dev
	$(PY) -m bench.soak --duration $(SOAK_DURATION) --database $(SOAK_DATABASE)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
