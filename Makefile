# The two commands an author needs (README.md, first screen):
#   make serve   build the site and preview it at http://127.0.0.1:8000/unit-3/, rebuilding on every edit
#                (no PDFs and no offline copy, to stay quick: `mkdocs serve` leaves them out)
#   make test    every test: the JavaScript's (linted, then run), the engine's, the built site's and the browser's,
#                then the site built with ProperDocs and tested again (guides/tests.md)
# Both make their virtual environment on first use: `make serve` installs what building
# needs (requirements.txt), `make test` the test tools too (requirements-test.txt).
# Also: make check (pages and data, without building); make build (the site, PDFs and
# offline copy included, in site/); make bench (build timings against their budgets).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROPERDOCS_VENV := .venv-properdocs
PIP_OPTIONS := --disable-pip-version-check --no-input
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-js test-site test-properdocs browser bench bench-pdf clean

# What building needs.
$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_OPTIONS) --quiet --upgrade pip
	$(BIN)/pip install $(PIP_OPTIONS) -r requirements.txt
	touch $@

# What the tests need on top.
$(VENV)/.test-tools: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/pip install $(PIP_OPTIONS) -r requirements-test.txt
	touch $@

$(PROPERDOCS_VENV)/bin/properdocs: requirements-properdocs.txt requirements-test.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install $(PIP_OPTIONS) --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/pip install $(PIP_OPTIONS) --quiet -r requirements-properdocs.txt
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --strict

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

check: $(BIN)/mkdocs
	$(BIN)/python -m course.checks

browser: $(VENV)/.test-tools
	bash scripts/ensure-browser

test: test-js test-site test-properdocs

# The linter, pinned (package.json, package-lock.json); installed again whenever the lock changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Every script linted (eslint.config.mjs: the site's against the browsers in .browserslistrc),
# then the pure logic of docs/javascripts/ (answers, exports, self-check, flocking) and the
# lint's own tests, with node's own runner.
test-js: node_modules/.installed
	node_modules/.bin/eslint .
	node --test tests/js/*.test.js

# Every pytest test, on two workers: Unit 3's content (tests/content, on one build of the unit)
# on one, the engine (tests/site on one build of the fixture course and copies of it, in files
# and in Chromium; tests/unit without MkDocs) on the other (tests/conftest.py groups them).
# node_modules: scorm-again, the SCORM 1.2 runtime the package's browser tests play the platform with.
test-site: $(VENV)/.test-tools browser node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadgroup

# ProperDocs, the maintained fork of MkDocs 1.6, builds the site and the copies the
# tests break; every test that reads a build runs on what it built. The browser
# sessions are not repeated: test-site ran them.
test-properdocs: $(PROPERDOCS_VENV)/bin/properdocs
	SITE_BUILDER=properdocs $(PROPERDOCS_VENV)/bin/python -m pytest tests/site -m "not browser"

bench: $(VENV)/.test-tools
	$(BIN)/python bench/build.py

bench-pdf: $(BIN)/mkdocs
	$(BIN)/python bench/pdf.py

clean:
	rm -rf site $(VENV) $(PROPERDOCS_VENV) node_modules
