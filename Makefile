# The two commands: `make run` and `make test`. Also: `make lint`, `make test-fast`, `make lock`, `make screenshots`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
LOCK := requirements.lock
# First Python >= 3.12 found: python3.14, python3.13, python3.12, python3, then pyenv's installs.
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	$$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$c; break; }; done)

.PHONY: run test test-fast lint lock screenshots venv clean-venv

# Installs take the exact versions of the lock file (pyproject.toml keeps the lower bounds).
$(VENV)/.installed: pyproject.toml $(LOCK)
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required (python3.12 not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c $(LOCK) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install -q -c $(LOCK) -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

run: $(VENV)/.installed
	$(PY) -m triage.run

# The suite runs on one pytest-xdist worker per core (at most 4), a file at a time on each; every worker has its
# own databases and Redis db (tests/conftest.py). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= $(shell python3 -c "import os; print(min(4, os.cpu_count() or 1))")

test: $(VENV)/.installed-dev
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=25 $(PYTEST_ARGS)

# Everything but the browser, process and slow tests (a minute or two).
test-fast: $(VENV)/.installed-dev
	$(PY) -m pytest -m "not e2e and not slow" $(PYTEST_ARGS)

# The README's screenshots, from the browser walks (a test run otherwise leaves docs/ untouched).
screenshots: $(VENV)/.installed-dev
	SCREENSHOTS=docs $(PY) -m pytest tests/e2e/test_workspace_browser.py tests/e2e/test_dashboard_browser.py $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Regenerate the lock file from a fresh environment with the newest versions pyproject.toml allows.
lock:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required"; exit 1; }
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install -q --upgrade pip
	.lock-venv/bin/python -m pip install -q -e '.[dev]'
	{ echo "# Exact versions installed by make run / make test (pip constraints). Regenerate with: make lock"; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e '; } > $(LOCK)
	rm -rf .lock-venv

clean-venv:
	rm -rf $(VENV)
