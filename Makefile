# The two commands an author needs (see README.md):
#   make serve   build the site and preview it at http://127.0.0.1:8000/unit-3/, reloading on every edit
#   make test    run the whole test suite (node's tests of the site's JavaScript, then pytest)
# Both create the virtual environment in .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-js browser clean

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --strict

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

browser: $(BIN)/mkdocs
	bash scripts/ensure-browser

# The pure logic of docs/javascripts/ (answers, exports, self-check, flocking), with node's own runner.
test-js:
	node --test tests/js/*.test.js

test: $(BIN)/mkdocs browser test-js
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV)
