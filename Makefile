# The two commands of the README: `make run` (install, then the chat on the shipped corpus)
# and `make test` (install, then the test suite). Everything lives in .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install run test test-all lint eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0  # the CPU wheel; a bare `torch` would pull a CUDA build
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

run: install
	$(BIN)/ccn-assistant ui

test: install
	$(BIN)/pytest

test-all: install
	$(BIN)/pytest -m ""

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

eval: install
	$(BIN)/ccn-assistant eval --show-failures

bench: install
	$(BIN)/ccn-assistant bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
