# Everything runs in .venv, created on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck debian-packages bench score golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## run the nightly pass on the sample issue shipped in the package
	$(BIN)/syndicate run --out feeds

lint: $(STAMP)
	$(BIN)/ruff check syndicate tests bench
	$(BIN)/ruff format --check syndicate tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

debian-packages:  ## chromium, fonts-noto-cjk, newsboat for the browser and feed-reader tests, when missing
	bash .ci/debian-packages

test: lint typecheck debian-packages  ## linter, type checker, then the test suite
	$(BIN)/pytest -q

bench: $(STAMP)  ## throughput figures (not a test)
	$(BIN)/python bench/run.py

score: $(STAMP)  ## split/stitch F1 on ../shared/corpus
	$(BIN)/python ../shared/tools/score-reading --syndicate $(BIN)/syndicate
	$(BIN)/python ../shared/tools/score-reading --syndicate $(BIN)/syndicate --variant clean

golden: $(STAMP)  ## regenerate golden files on purpose
	$(BIN)/pytest -q --update-golden tests

clean:
	rm -rf $(VENV) build *.egg-info
