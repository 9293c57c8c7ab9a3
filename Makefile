# The two commands an author needs (see README.md):
#   make serve   build the site and preview it at http://127.0.0.1:8000/unit-3/, reloading on every edit
#                (without the PDFs, to stay fast: UNIT_PDF=skip)
#   make test    run the whole test suite: node's tests of the site's JavaScript, then pytest,
#                building with MkDocs and again with ProperDocs
# Both create their virtual environments (.venv, .venv-properdocs) on first use.
# Also: make check (check pages and data without building); make build (the site, PDFs
# included, in site/); make bench-pdf.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROPERDOCS_VENV := .venv-properdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-js test-mkdocs test-properdocs browser bench-pdf clean

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(PROPERDOCS_VENV)/bin/properdocs: requirements.txt requirements-properdocs.txt
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/pip install --quiet -r requirements-properdocs.txt
	touch $@

serve: $(BIN)/mkdocs
	UNIT_PDF=skip $(BIN)/mkdocs serve --strict

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

browser: $(BIN)/mkdocs
	bash scripts/ensure-browser

check: $(BIN)/mkdocs
	$(BIN)/python -m macros.check

test: test-js test-mkdocs test-properdocs

# The pure logic of docs/javascripts/ (answers, exports, self-check, flocking), with node's own runner.
test-js:
	node --test tests/js/*.test.js

test-mkdocs: $(BIN)/mkdocs browser
	$(BIN)/python -m pytest

# The same suite, every build made by ProperDocs instead of MkDocs.
test-properdocs: $(PROPERDOCS_VENV)/bin/properdocs browser
	SITE_BUILDER=properdocs $(PROPERDOCS_VENV)/bin/python -m pytest

bench-pdf: $(BIN)/mkdocs
	$(BIN)/python bench/pdf.py

clean:
	rm -rf site $(VENV) $(PROPERDOCS_VENV)
