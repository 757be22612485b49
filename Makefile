# ML Salary Factors: every command bootstraps .venv from requirements.txt first.
#   make report   build data if its sources changed, execute every notebook, write figures
#   make test     unit tests + nbval over every notebook
#   make data     rebuild data/ extracts when their sources changed
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: report test data lint unit nbval clean-venv

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

lint: $(STAMP)
	$(VPY) -m ruff check salary_factors tests

clean-venv:
	rm -rf $(VENV)
