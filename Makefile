# The two commands an author needs (see README.md):
#   make serve   build the site and preview it at http://127.0.0.1:8000/unit-3/, reloading on every edit
#                (without the PDFs, to stay fast: UNIT_PDF=skip)
#   make test    run the whole test suite
# Both create the virtual environment in .venv on first use.
# make build writes the site, PDFs included, to site/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test browser bench-pdf clean

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

serve: $(BIN)/mkdocs
	UNIT_PDF=skip $(BIN)/mkdocs serve --strict

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

browser: $(BIN)/mkdocs
	bash scripts/ensure-browser

test: $(BIN)/mkdocs browser
	$(BIN)/python -m pytest

bench-pdf: $(BIN)/mkdocs
	$(BIN)/python bench/pdf.py

clean:
	rm -rf site $(VENV)
