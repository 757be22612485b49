# ML Salary Factors: every command bootstraps .venv from requirements.txt first.
#   make report     build data if its sources changed, execute every notebook, write figures
#   make test       unit tests + nbval over every notebook
#   make data       rebuild data/ extracts when their sources changed
#   make market OCC="data scientists" AREA="Austin" [COMPARE="Seattle;Denver"]
#                   render 09_your_market for one occupation and area into output/market/
#   make site       the report as a static web site in output/site/ (stored outputs, no re-run)
#   make test-site  build the site and check it in headless Chromium
#   make bench      time `make report` and `make test` (medians of BENCH_RUNS runs)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

BENCH_RUNS ?= 3
#: the variables `make market` understands; any other given on the command line is refused
MARKET_VARS := OCC AREA COMPARE PYTHON
CMDLINE_VARS = $(strip $(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $(v))),$(v))))

.PHONY: report test data lint unit nbval clean-venv market market-args site test-site bench

$(STAMP): requirements.txt requirements-nodeps.txt pyproject.toml
	@echo "== creating $(VENV) from requirements.txt (Python: $(PYTHON))"
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(VPY) -m pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python -r requirements-nodeps.txt
	touch $(STAMP)

data: $(STAMP)
	$(VPY) -m salary_factors.build_data

report: data
	$(VPY) -m salary_factors.report

test: $(STAMP)
	$(VPY) -m pytest -q -n 2 --dist loadfile $(NBVAL) tests notebooks

unit: $(STAMP)
	$(VPY) -m pytest -q tests

# checked before anything runs: an unknown variable, or OCC / AREA missing, stops with a usage line
market-args:
	@unknown="$(filter-out $(MARKET_VARS),$(CMDLINE_VARS))"; \
	if [ -n "$$unknown" ]; then \
	  echo "error: make market does not take $$unknown; it takes OCC, AREA and COMPARE, e.g." \
	       'make market OCC="data scientists" AREA="Austin" COMPARE="Seattle;Denver"' >&2; exit 2; fi; \
	if [ -z "$(strip $(OCC))" ] || [ -z "$(strip $(AREA))" ]; then \
	  echo 'error: give an occupation and an area, e.g. make market OCC="data scientists" AREA="Austin"' \
	       '(codes or parts of names, as in lookup; COMPARE="Seattle;Denver" is optional)' >&2; exit 2; fi

# OCC, AREA and COMPARE reach the command through the environment (make exports command-line
# variables), so any quote or apostrophe in a name is passed on as typed
market: market-args data
	$(VPY) -m salary_factors.market --occupation "$$OCC" --area "$$AREA"$(if $(filter command line,$(origin COMPARE)), --compare "$$COMPARE")

site: $(STAMP)
	$(VPY) -m salary_factors.site

test-site: site
	SALARY_FACTORS_SITE=output/site $(VPY) -m pytest -q -m browser -p no:xdist tests/test_site.py

bench: $(STAMP)
	$(VPY) -m salary_factors.bench --runs $(BENCH_RUNS)

lint: $(STAMP)
	$(VPY) -m ruff check salary_factors tests

clean-venv:
	rm -rf $(VENV)
