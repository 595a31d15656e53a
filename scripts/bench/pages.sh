#!/usr/bin/env bash
# Personalised step page throughput against nginx serving the same HTML, start-up time, and idle memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 scripts/bench/pages/bench_pages.py "$@"
