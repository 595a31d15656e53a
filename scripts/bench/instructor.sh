#!/usr/bin/env bash
# The instructor's class view under a simulated class: page render time and size for 500 learners × 29 steps,
# event-to-screen latency while 500 learners act, and memory with 2,000 open SSE streams.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 scripts/bench/instructor/class_sim.py "$@"
