# liptako: two commands do all setup on a fresh Debian machine.
#   make demo   installs what is missing, then runs the CLI on examples/corpus
#   make test   installs what is missing, then runs C++ tests, Python tests, notebooks
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

APT_PACKAGES := build-essential cmake ninja-build pkg-config libre2-dev nlohmann-json3-dev \
	libutf8proc-dev libgtest-dev libbenchmark-dev \
	clang libclang-rt-14-dev valgrind
SOURCES := $(shell find cpp python -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.py' -o -name '*.json' -o -name '*.pyi' \) 2>/dev/null) CMakeLists.txt pyproject.toml
EXTRAS ?= dev,notebook,dask

.PHONY: all deps venv install demo test test-cpp test-python test-fuzz bench sanitize fuzz lint clean

all: install

# System packages, installed only when missing (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: $(VENV)/bin/python

# The package with its extras; reinstalled when sources change.
$(VENV)/.installed: $(SOURCES) | $(VENV)/bin/python
	$(MAKE) deps
	$(PY) -m pip install -q "scikit-build-core>=0.8" "pybind11>=2.11" ninja
	$(PY) -m pip install -q --no-build-isolation -e ".[$(EXTRAS)]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/liptako extract examples/corpus --format table

build/cpp/build.ninja:
	$(MAKE) deps
	cmake -S . -B build/cpp -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIPTAKO_BUILD_TESTS=ON

test-cpp: build/cpp/build.ninja
	cmake --build build/cpp -j $(JOBS)
	ctest --test-dir build/cpp --output-on-failure -j $(JOBS)

test-python: install
	$(PY) -m pytest -q

test: test-cpp test-python test-fuzz

# libFuzzer targets (clang, ASan+UBSan): each runs FUZZ_SECONDS (30 s in make test,
# 4 targets = 2 minutes). `make fuzz FUZZ_SECONDS=600` is the long run.
FUZZ_SECONDS ?= 30
test-fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) tools/fuzz.sh

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) tools/fuzz.sh

# GoogleTest under ASan+UBSan, pytest against an ASan extension, valgrind memcheck.
sanitize: deps install
	JOBS=$(JOBS) PYTHON=$(abspath $(PY)) tools/sanitize.sh

bench: install
	$(PY) -m pip install -q -r benchmarks/requirements.txt
	$(PY) benchmarks/run.py

lint: install
	$(PY) -m ruff check python tests benchmarks tools
	$(PY) -m mypy python/liptako

clean:
	rm -rf build $(VENV) python/liptako/*.so
