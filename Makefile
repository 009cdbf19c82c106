# Two commands set up a fresh machine: `make site`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_STAMP := $(VENV)/.build-deps
TEST_STAMP := $(VENV)/.test-deps
PRODUCTION_FLAG := $(if $(filter 1 true yes,$(PRODUCTION)),--production)
# TODAY=YYYY-MM-DD: the build date (default: the real date); the facts in force on it are shown.
TODAY_FLAG := $(if $(TODAY),--today $(TODAY))

.PHONY: site serve print offline export translations test lint bench bench-web clean

site: $(BUILD_STAMP)  ## build site/ (PRODUCTION=1 refuses example content; STAGING_URL=https://… the marked, unindexed staging copy; TODAY=YYYY-MM-DD as of that date)
	$(BIN)/python -m campaign_kit.build --site-dir site $(PRODUCTION_FLAG) $(if $(STAGING_URL),--staging "$(STAGING_URL)") $(TODAY_FLAG)

serve: $(BUILD_STAMP)  ## preview the Vietnamese site with live reload
	$(BIN)/mkdocs serve

# ORDER reaches the command through the environment, so any character in a file name is safe.
print: $(BUILD_STAMP)  ## the preview kit, marked draft, into dist/print/ (MARKS=1: crop and fold marks; PROFILE=x.icc); ORDER=campaign/print-orders/….yml: exactly its products for the press, with the order sheet
	$(BIN)/python -m campaign_kit.printing --out dist/print $(if $(filter 1 true yes,$(MARKS)),--marks) $(if $(PROFILE),--profile "$(PROFILE)") $(if $(ORDER),--order "$$ORDER") $(PRODUCTION_FLAG) $(TODAY_FLAG)

offline: $(BUILD_STAMP)  ## the whole site, every language, as dist/offline/<site>-<date>.zip that works from file://
	$(BIN)/python -m campaign_kit.offline --out dist/offline $(TODAY_FLAG)

export: $(BUILD_STAMP)  ## the site as the source of another renderer into dist/export/ (Zensical: zensical build -f dist/export/zensical.toml); takes dist/print/ if built
	$(BIN)/python -m campaign_kit.export --out dist/export --print dist/print $(TODAY_FLAG)

translations: $(BUILD_STAMP)  ## per language: pages missing, stale (source changed) and unreviewed
	$(BIN)/python -m campaign_kit.check --translations

test: $(TEST_STAMP) system-packages  ## the whole suite: lint, then pytest (CI=true: a skipped test fails the run)
	$(BIN)/ruff check .
	$(BIN)/pytest

# The Debian packages of system-packages.txt: installed when missing if we are root
# (CI, a fresh container), otherwise the exact command is printed and make stops.
SYSTEM_PACKAGES := $(shell sed -e 's/\#.*//' system-packages.txt)
.PHONY: system-packages
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing system packages. Run:"; echo "  sudo apt-get install --no-install-recommends" $$missing; exit 1; \
	  fi; \
	fi

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

bench: $(BUILD_STAMP)  ## build speed: project pipeline against stock mkdocs + material, same pages; then bench-search and bench-print
	$(BIN)/python -m campaign_kit.bench
	$(MAKE) bench-search
	$(MAKE) bench-print

.PHONY: bench-search
bench-search: $(TEST_STAMP) system-packages  ## search sessions of the built site/ on a slow phone (Lighthouse's throttling): requests, KB, seconds after the last key
	$(BIN)/python -m campaign_kit.bench_search --site site

.PHONY: bench-print
bench-print: $(BUILD_STAMP)  ## print speed: the whole preview kit and an order of 10 products, wall and CPU seconds (UNITS=N: the kit with N units' variants)
	$(BIN)/python -m campaign_kit.printing.bench $(if $(UNITS),--units $(UNITS))

bench-web: $(BUILD_STAMP) system-packages  ## page weight and Lighthouse medians, against stock Material
	$(BIN)/python -m campaign_kit.bench_web

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

# Going live (README "Launch"): what blocks or weakens the public launch, by who supplies it.
.PHONY: launch-check
launch-check: $(BUILD_STAMP)  ## one list of what the launch still needs, grouped by who supplies it (errors: would publish something false or unsafe)
	$(BIN)/python -m campaign_kit.launch

# The editors' contribution gate (CONTRIBUTING.md). `make site` runs the same checks.
.PHONY: check fix new

check: $(BUILD_STAMP)  ## every check of every page and photo, as the build runs them; changes no file
	$(BIN)/python -m campaign_kit.check $(TODAY_FLAG)

fix: $(BUILD_STAMP)  ## safe fixes only (Unicode NFC, photo metadata, oversized photos), each one printed
	$(BIN)/python -m campaign_kit.fix

# TITLE and PLACE reach the command through the environment, so any quote in a title is safe.
new: $(BUILD_STAMP)  ## new page: make new TYPE=story TITLE="…" PLACE="<tên xã, phường>" (asks for what is missing)
	$(BIN)/python -m campaign_kit.new $(TYPE) $(if $(TITLE),--title "$$TITLE") $(if $(PLACE),--place "$$PLACE")

# Campaign activities (campaign/activities/) and the plan's reports.
.PHONY: report
report: $(BUILD_STAMP)  ## reports of a period into dist/reports/<from>_<until>/ (make report FROM=2024-01-01 UNTIL=2024-06-30; without them: every 6-month and annual report)
	$(BIN)/python -m campaign_kit.reports $(if $(FROM),--from "$(FROM)") $(if $(UNTIL),--until "$(UNTIL)") --out dist/reports $(PRODUCTION_FLAG)

.PHONY: activities-template import-activities
activities-template: $(BUILD_STAMP)  ## the spreadsheet agencies fill in: dist/mau-hoat-dong.xlsx (one sheet per form of activity)
	$(BIN)/python -m campaign_kit.activity_sheets template --out dist/mau-hoat-dong.xlsx

# FILE reaches the command through the environment, so any character in a file name is safe.
import-activities: $(BUILD_STAMP)  ## check a filled spreadsheet and write campaign/activities/<name>.yml (make import-activities FILE=…); any error: nothing written
	$(BIN)/python -m campaign_kit.activity_sheets import "$$FILE"

.PHONY: bench-activities
bench-activities: $(BUILD_STAMP)  ## how activities' loading, reports, pages and feeds grow: 200 against 2,000 synthetic activities
	$(BIN)/python -m campaign_kit.reports.bench

# The newsroom's forms (README "Forms in the browser"): Sveltia CMS is vendored under
# scripts/campaign_kit/cms/vendor/ (no CDN, no network at build time). Upgrading: set VERSION and
# INTEGRITY in cms/vendor.py, then `make cms-vendor` (npm fetches the release, its integrity checked).
.PHONY: cms-vendor codeowners
cms-vendor: $(BUILD_STAMP)  ## fetch the pinned @sveltia/cms with npm (integrity checked) into scripts/campaign_kit/cms/vendor/
	$(BIN)/python -m campaign_kit.cms.vendor --fetch

codeowners: $(BUILD_STAMP)  ## write .github/CODEOWNERS from campaign/site.yml and the content model
	$(BIN)/python -m campaign_kit.codeowners > .github/CODEOWNERS

# A pull request's preview (README "Preview of a change"); BASE reaches the command through the environment.
.PHONY: preview
preview: $(BUILD_STAMP)  ## the change since BASE (make preview BASE=origin/main): make check's output, the pages it adds or alters in every language with phone screenshots, the built site, in dist/preview/
	@test -n "$$BASE" || { echo "Cần BASE: make preview BASE=origin/main (nhánh hoặc commit để so sánh)"; exit 2; }
	$(BIN)/python -m campaign_kit.preview --base "$$BASE" --out dist/preview $(TODAY_FLAG)
