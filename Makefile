# rupa — developer entry points. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

CARGO ?= cargo
PYTHON ?= python3
RUPA := target/release/rupa
WASM := target/wasm32-wasip1/release/rupa.wasm
# Root installs packages directly; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps build py-deps py-install run test test-rust test-diff test-wasm test-python bench lint fmt fuzz

help: ## Show this help.
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

deps: ## Install what a fresh machine lacks: lua5.4 (the oracle), the wasm32-wasip1 target, wasmtime.
	@command -v lua5.4 >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq lua5.4; }
	@rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
	@$(PYTHON) -c "import wasmtime" 2>/dev/null || $(PYTHON) -m pip install --quiet wasmtime
	@$(PYTHON) -m pip install --quiet "maturin>=1.5,<2" pytest mypy lupa==2.8

build: ## Build the rupa command (release).
	$(CARGO) build --release -p rupa_cli

py-deps: ## Install maturin, which builds the Python package (all that `make run` needs besides cargo).
	@$(PYTHON) -c "import maturin" 2>/dev/null || $(PYTHON) -m pip install --quiet "maturin>=1.5,<2"

py-install: py-deps ## Build the Python package (release) and install it into $(PYTHON).
	@echo "building and installing the rupa Python package (release; a first build takes minutes)"
	$(PYTHON) -m pip install --quiet --no-build-isolation --force-reinstall --no-deps .

run: py-install ## The main job: lupa's Mandelbrot example from Python on two runtimes in two threads, into target/mandelbrot.pbm.
	$(PYTHON) examples/mandelbrot.py --size 1280 --threads 2 --output target/mandelbrot.pbm

test: deps test-rust test-diff test-wasm test-python ## Run every test (what CI runs).

test-rust: ## Rust unit and integration tests.
	$(CARGO) test --workspace

test-diff: build ## The differential corpus: every tests/lua file through rupa and lua5.4, no differences allowed.
	$(PYTHON) tests/difftest.py --rupa $(RUPA)

test-wasm: ## Build rupa for wasm32-wasip1 and run a sample of the corpus through it under wasmtime.
	$(CARGO) build --release -p rupa_cli --target wasm32-wasip1
	$(PYTHON) tests/difftest.py --sample 60 --rupa $(WASM) --runner "$(PYTHON) tests/wasm_run.py {rupa}"
	$(PYTHON) tests/difftest.py --filter stdlib/io/tmpfile --rupa $(WASM) --runner "$(PYTHON) tests/wasm_run.py {rupa}"

test-python: ## The Python package: build and install it, pytest (stubtest included), lupa 2.8's own README doctests and test suite.
	$(PYTHON) -m pip install --quiet --no-build-isolation --force-reinstall --no-deps .
	$(PYTHON) -m pytest -q -p no:cacheprovider
	$(PYTHON) conformance/run.py

bench: build py-install ## Benchmarks: benches/lua against lua5.4, then the Python bridge against lupa (times, then callgrind instruction counts); writes docs/performance.md.
	$(PYTHON) benches/run_lua.py --rupa $(RUPA)
	@$(PYTHON) -c "import lupa.lua54" 2>/dev/null || $(PYTHON) -m pip install --quiet lupa==2.8
	$(PYTHON) benches/python/run.py
	@command -v valgrind >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind; } || true
	$(PYTHON) benches/python/instructions.py

lint: ## cargo fmt --check and clippy with warnings denied.
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt: ## Format the Rust code.
	$(CARGO) fmt --all

fuzz: ## Run both fuzz targets for FUZZ_SECONDS each (default 600); see docs/testing.md.
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run parse_compile -- -max_total_time=$${FUZZ_SECONDS:-600}
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run run -- -max_total_time=$${FUZZ_SECONDS:-600}
