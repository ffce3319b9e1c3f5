# Two commands on a fresh machine: `make build` (install + build the sites) and `make test`.
# `make build` installs only what building needs; `make test` adds the test tools (pytest,
# Playwright, the validators), which are most of the .venv's size.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-installed
SYSTEM_STAMP := $(VENV)/.system-installed
# Debian packages the tests use: a real browser, two real web servers, Java for the Nu
# checker, npm to fetch axe-core.
DEBIAN_PACKAGES := chromium nginx-light apache2-bin default-jre-headless npm
# axe-core, the accessibility engine the browser tests inject; fetched, never committed.
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
# Lighthouse, which the test of the theme's scores runs in Debian's Chromium.
LIGHTHOUSE := $(VENV)/lighthouse/node_modules/lighthouse/cli/index.js

# Mozilla's ical.js, the second of the three calendar parsers the tests read every .ics with.
ICALJS := $(VENV)/icaljs/node_modules/ical.js/dist/ical.es5.cjs

.PHONY: install install-test build test test-quick lint golden docs bench bench-peers serve clean system-packages axe lighthouse screenshots icaljs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

install: $(STAMP)

install-test: $(TEST_STAMP)

build: install
	$(BIN)/rusgen build

serve: install
	$(BIN)/rusgen serve

# Installs the Debian packages when run as root and they are missing; elsewhere it only checks.
system-packages: $(SYSTEM_STAMP)

# Depends on the Makefile, so a package added to the list is installed on the next run.
$(SYSTEM_STAMP): Makefile | $(TEST_STAMP)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	[ -x /usr/sbin/apache2 ] || missing="$$missing apache2-bin"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing Debian packages:$$missing (run as root, or: sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi
	touch $(SYSTEM_STAMP)

axe: $(AXE)

$(AXE): | $(SYSTEM_STAMP)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@4

lighthouse: $(LIGHTHOUSE)

$(LIGHTHOUSE): | $(SYSTEM_STAMP)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/lighthouse lighthouse@12.2.3

icaljs: $(ICALJS)

$(ICALJS): | $(SYSTEM_STAMP)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/icaljs ical.js@2

# pytest with two workers (one a core). Work stealing: a worker that runs out of tests takes
# half of the other's queue, so the minute-long tests (the fuzzers, the killed builds, the
# editor's walk-through) do not leave one core idle at the end. Python may write its
# bytecode (also where the environment says not to): pytest keeps the test modules with
# their assertions rewritten there, which each worker and each later run then reads
# instead of rewriting all of them again.
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/pytest
PARALLEL := -n 2 --dist worksteal

# Two workers; then Lighthouse alone, whose performance score is timed and must not share
# the CPU with other tests (naming its file: collecting the whole suite again would cost
# more than the audit).
test: install-test system-packages axe lighthouse icaljs
	$(BIN)/ruff check rusgen tests
	$(BIN)/mypy
	$(PYTEST) -q $(PARALLEL) -m "not lighthouse"
	$(PYTEST) -q -m lighthouse tests/test_lighthouse.py

# The quick tier, for work in progress: every test that needs no browser, Java, web server
# or node (those are marked `browser`, tests/conftest.py).
test-quick: install-test
	$(BIN)/ruff check rusgen tests
	$(BIN)/mypy
	$(PYTEST) -q $(PARALLEL) -m "not browser and not slow and not lighthouse"

# Style and types; mypy reads its settings from pyproject.toml.
lint: install-test
	$(BIN)/ruff check rusgen tests
	$(BIN)/mypy

# Regenerate the golden output of tests/sites/full; review the diff like code.
# Built from a temporary copy, so that no cache is left in tests/sites/full.
golden: install
	rm -rf tests/golden/full
	tmp=$$(mktemp -d) && cp -R tests/sites/full/. "$$tmp"/ && \
	SOURCE_DATE_EPOCH=1622505600 $(BIN)/rusgen build --source "$$tmp" --output "$(CURDIR)/tests/golden/full"; \
	status=$$?; rm -rf "$$tmp"; exit $$status
	rm -f tests/golden/full/.rusgen-output

# Write the field tables of the docs anew from the content model; review the diff.
docs: install
	$(BIN)/python -m rusgen.contentmodel.reference docs/content.md docs/guide.md

# Every kind of page at 390 and 1280 pixels, and the guide's pictures, in docs/img/; look at
# them before committing.
screenshots: install system-packages
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf public .rusgen-cache

# Time cold, unchanged, one-page and stylesheet rebuilds of a generated 4000-page corpus
# (median of 3 runs) and record them in docs/performance.md.
# Then the live preview's edit-to-reload time in a real Chromium, on the repository's
# content and with 4000 generated pages.
bench: install-test system-packages
	$(BIN)/python benchmarks/build_bench.py --pages 4000 --runs 3 --write docs/performance.md
	$(BIN)/python benchmarks/serve_latency.py --pages 0:10 --pages 4000:5 --write docs/performance.md

# The same, with Hugo on the same pages in the same run, and 20000 pages (one run: a cold
# build of them takes minutes). Installs Debian's hugo when run as root.
bench-peers: install
	@command -v hugo >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; \
	  else \
	    echo "Missing Debian package: hugo (run as root, or: sudo apt-get install hugo)"; exit 1; \
	  fi; }
	$(BIN)/python benchmarks/build_bench.py --pages 4000:3 --pages 20000:1 --peers \
	  --write docs/performance.md
