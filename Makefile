# Two entry points: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHECKED := src tests benchmarks

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The web UI: npm packages when the lock file changes, a build when a web source changes. The build
# goes into the Python package (served by `sealflow serve`); the UI tests drive Debian's Chromium.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json
WEB_MODULES := web/node_modules/.package-lock.json
WEB_BUILD := src/sealflow/service/static/index.html
CHROMIUM := /usr/bin/chromium

$(WEB_MODULES): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

$(WEB_BUILD): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run build

$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ]; then echo "Chromium is missing: run 'apt-get install -y chromium chromium-driver' as root"; exit 1; fi
	apt-get update
	apt-get install -y chromium chromium-driver

setup: $(STAMP) $(WEB_BUILD)

demo: setup
	$(BIN)/sealflow library install
	$(BIN)/sealflow import-json examples/demo/transformations/*.json
	$(BIN)/sealflow run "Sensor Outlier Demo" --input series=@examples/demo/sensor.json

lint: setup
	$(BIN)/ruff check $(CHECKED)
	$(BIN)/ruff format --check $(CHECKED)
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint $(CHROMIUM)
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/service.py
	$(BIN)/python benchmarks/exchange.py
	$(BIN)/python benchmarks/adapters.py
	$(BIN)/python benchmarks/repro.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/loadtest.py

clean:
	rm -rf $(VENV) .sealflow .pytest_cache .mypy_cache .ruff_cache web/node_modules src/sealflow/service/static
