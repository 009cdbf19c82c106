# Two commands set up a fresh machine: `make site`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_STAMP := $(VENV)/.build-deps
TEST_STAMP := $(VENV)/.test-deps
PRODUCTION_FLAG := $(if $(filter 1 true yes,$(PRODUCTION)),--production)

.PHONY: site serve test lint bench clean

site: $(BUILD_STAMP)  ## build site/ (PRODUCTION=1 refuses example content)
	$(BIN)/python -m campaign_kit.build --site-dir site $(PRODUCTION_FLAG)

serve: $(BUILD_STAMP)  ## preview the Vietnamese site with live reload
	$(BIN)/mkdocs serve

test: $(TEST_STAMP)  ## the whole suite: lint, then pytest
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

bench: $(BUILD_STAMP)  ## build speed: project pipeline against bare mkdocs + material
	$(BIN)/python -m campaign_kit.bench

clean:
	rm -rf site dist .cache

$(BUILD_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(BUILD_STAMP) requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@
