# Back spasm help. `make run` to use it, `make test` to prove it; `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The newest Python 3.12 or later on this machine (pyenv shims included).
PYTHON ?= $(shell for candidate in python3.14 python3.13 python3.12 python3; do \
	if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	command -v $$candidate; break; fi; done)
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := backspasm.settings
# Compiled bytecode is kept in the git-ignored __pycache__ folders even where the machine asks
# Python not to write it: otherwise every test process, and every server and management command
# the tests start, compiles the project and rewrites the tests again (collection 7.6 s, not 3.4 s).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help setup run serve test test-quick screenshots lint check css check-css js check-js node-tools browser proxy bench soak

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: $(VENV)/.synced ## Create .venv and install the locked Python dependencies

$(VENV)/.synced: pyproject.toml uv.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 or later is needed: install it, or set PYTHON=/path/to/python3.13"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv sync --locked --quiet --python $(BIN)/python
	@touch $@

run: setup ## Set everything up, load the guidance and serve the site on http://127.0.0.1:8000
	DJANGO_DEBUG=1 $(MANAGE) migrate --no-input
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

serve: setup ## Serve with production settings under gunicorn (needs DJANGO_SECRET_KEY)
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) migrate --no-input
	@# The cache holds pickled objects: unless a release is named, each commit keeps its own keys.
	BACKSPASM_RELEASE="$${BACKSPASM_RELEASE:-$$(git rev-parse --short HEAD 2>/dev/null)}" \
		$(BIN)/gunicorn --config gunicorn.conf.py backspasm.wsgi

node-tools: node_modules/.installed ## Install the front-end build and test tools from package-lock.json

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

browser: ## Install Debian's Chromium and its headless shell (and Java, for the Nu HTML Checker) when they are missing
	@command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

proxy: ## Install Debian's nginx (the tests run deploy/nginx/backspasm.conf) when it is missing
	@test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }

css: node-tools ## Rebuild static/css from static/scss
	npm run --silent css

check-css: node-tools ## Fail when the committed CSS is not what static/scss compiles to
	@tmp=$$(mktemp -d) && \
	npx sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules static/scss/main.scss $$tmp/main.css && \
	npx sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules static/scss/preview.scss $$tmp/preview.css && \
	sed -i 's/\.app-writing-help__preview :root/.app-writing-help__preview/g' $$tmp/preview.css && \
	cmp -s $$tmp/main.css static/css/main.css && cmp -s $$tmp/preview.css static/css/preview.css || \
	{ echo "static/css is stale: run 'make css' and commit the result"; exit 1; }

js: node-tools ## Rebuild static/js/app.js from static/js-src and the govuk-frontend npm package
	npm run --silent js

check-js: node-tools ## Fail when the committed static/js/app.js is not what static/js-src bundles to
	@tmp=$$(mktemp -d) && \
	npx esbuild static/js-src/app.mjs --bundle --format=esm --minify --target=es2020 --legal-comments=none --log-level=warning --outfile=$$tmp/app.js && \
	cmp -s $$tmp/app.js static/js/app.js || \
	{ echo "static/js/app.js is stale: run 'make js' and commit the result"; exit 1; }

lint: setup ## ruff, formatting, mypy and missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/mypy .
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

check: setup node-tools ## Audit the locked Python and npm dependencies for known vulnerabilities
	$(BIN)/python tools/audit.py

test: setup node-tools browser proxy check-css check-js ## Set everything up and run the whole suite
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

test-quick: setup ## The inner loop: the suite without the browser, servers, processes or fault runs
	$(BIN)/pytest -n auto -m "not e2e and not server and not faults and not services" $(PYTEST_ARGS)

screenshots: setup node-tools browser ## The browser tests, keeping a PNG of every page they check under screenshots/
	SCREENSHOTS=1 $(BIN)/pytest -n auto --dist loadgroup -m e2e $(PYTEST_ARGS)

bench: setup node-tools browser proxy ## Load the site under gunicorn, weigh its pages, run Lighthouse and the soak against the budgets
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python -m bench $(BENCH_ARGS)

soak: setup ## Only the soak: thousands of mixed requests, no errors, flat worker memory
	$(BIN)/python -m bench --only soak $(BENCH_ARGS)
