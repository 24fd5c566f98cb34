# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
MANAGE := $(PY) manage.py

NPM := $(shell command -v npm 2>/dev/null)

.PHONY: run test test-fast test-browser pytest bench soak soak-load lint clean

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

# The browser tests' checkers (axe-core, vnu-jar, lighthouse), pinned in
# package-lock.json. Without npm those tests skip, saying so (CI requires them).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts
	@touch $@

NODE_TOOLS := $(if $(NPM),node_modules/.installed)

run: $(VENV)/.runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --site-host $(HOST) --site-port $(PORT) --demo-feedback
	@echo
	@$(MANAGE) ensure_admin
	@echo
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo
	WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}" \
		$(MANAGE) runserver $(HOST):$(PORT)

# `make test` = the checks, the unit tests in parallel (pytest-xdist, one
# worker per core), then the browser tests and the timing-sensitive tests
# one at a time: Lighthouse and real lock contention need the CPU to themselves.
PYTEST := $(VENV)/bin/pytest
WORKERS ?= auto
UNIT := -m "not browser and not serial" -n $(WORKERS)
SERIAL := -m "browser or serial"

test: $(VENV)/.dev $(NODE_TOOLS)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(PYTEST) $(UNIT)
	$(PYTEST) $(SERIAL)

# Only the unit tests (no browser): a couple of minutes, for the edit-and-test loop.
test-fast: $(VENV)/.dev
	$(PYTEST) $(UNIT)

# The whole suite without the lint and checks, e.g. against PostgreSQL and
# Redis (CI): DATABASE_URL=postgres://... REDIS_URL=redis://.../15 make pytest
# Each xdist worker gets its own test database and its own Redis database
# (config/settings/test.py: the URL's number minus the worker's).
pytest: $(VENV)/.dev $(NODE_TOOLS)
	$(PYTEST) $(UNIT)
	$(PYTEST) $(SERIAL)

# The benchmark (bench/run.py): about 8 minutes for the page, vote and report rows,
# most of it making a million votes, and 8 more for the content rows once their
# sites of 1,000 and 100,000 articles are built (the first run builds them: about
# 20 minutes more, kept in bench/results/content/ and the PostgreSQL databases
# bench_content_*). BENCH_ARGS="--rows votes" picks rows.
bench: $(VENV)/.dev
	@command -v wrk > /dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk > /dev/null; } \
		|| { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	$(PY) -m bench.run $(BENCH_ARGS)

# Only the browser tests (e2e/): Chromium, axe, the HTML validator, Lighthouse,
# against the live server and against production (gunicorn, production settings).
test-browser: $(VENV)/.dev $(NODE_TOOLS)
	$(PYTEST) -m browser

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
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .import_linter_cache node_modules test-artifacts
