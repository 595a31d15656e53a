# LabGuide: `make run` serves the labs, `make test` runs every test, `make bench` prints the benchmarks.
# Each target installs what is missing first (scripts/install-deps.sh is idempotent).

SWIFT ?= swift
PORT ?= 8080
HOST ?= 127.0.0.1
DATA_DIR ?= var
DATABASE ?= $(DATA_DIR)/labguide.sqlite
DEBUG_BIN := .build/debug/labguide
RELEASE_BIN := .build/release/labguide
PYTEST ?= python3 -m pytest
# `make run` serves the labs against the local sandbox; `make run AWS=account` uses real AWS through the standard
# credential chain (AWS_PROFILE, AWS_REGION, ~/.aws) instead.
AWS ?= sandbox
# With AWS=account the account id comes from the caller's identity, so ARNs in the commands are real.
TARGET_FLAGS = $(if $(filter account,$(AWS)),--account-id $(shell aws sts get-caller-identity --query Account --output text),--sandbox)

.PHONY: deps build release run test swift-test browser-test api-test bench check format clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product labguide

release: deps
	$(SWIFT) build -c release --product labguide

run: build
	@mkdir -p $(DATA_DIR)
	$(DEBUG_BIN) serve --host $(HOST) --port $(PORT) --database $(DATABASE) --labs labs $(TARGET_FLAGS)

check: build
	$(DEBUG_BIN) check labs

# Tests never ask EC2 instance metadata for credentials (it is not a loopback address).
test swift-test browser-test api-test: export AWS_EC2_METADATA_DISABLED = true

test: deps
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory swift-test browser-test api-test

swift-test:
	$(SWIFT) test --skip-build

browser-test:
	$(SWIFT) build --product labguide
	LABGUIDE_BIN=$(DEBUG_BIN) $(PYTEST) -q Tests/Browser

api-test:
	$(SWIFT) build --product labguide
	LABGUIDE_BIN=$(DEBUG_BIN) Tests/API/schemathesis.sh

bench: release
	@for script in scripts/bench/*.sh; do echo "== $$script"; bash "$$script" || exit 1; done

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build artifacts
