#!/usr/bin/env python3
"""Times POST /api/v1/simulations (inventory-outage, 60 s at 200 requests/s) against GET /healthz on one server."""
import json
import statistics
import sys
import time
import urllib.request

BASE = sys.argv[1]
BODY = json.dumps({"preset": "inventory-outage", "seed": 42, "durationSeconds": 60,
                   "overrides": {"load.requestsPerSecond": 200}}).encode()


def timed(request):
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def post():
    return urllib.request.Request(BASE + "/api/v1/simulations", data=BODY, method="POST",
                                  headers={"Content-Type": "application/json"})


def anchor():
    for path in ("/healthz", "/api/v1/simulations/presets"):
        try:
            timed(urllib.request.Request(BASE + path))
            return path
        except Exception:
            continue
    return None


for _ in range(5):
    timed(post())
runs = sorted(timed(post()) for _ in range(30))
path = anchor()
anchors = sorted(timed(urllib.request.Request(BASE + path)) for _ in range(30)) if path else [float("nan")]
p50, p95 = statistics.median(runs), runs[int(len(runs) * 0.95) - 1]
verdict = "meets" if p50 <= 20 else "misses"
print(f"API POST /api/v1/simulations, 60 s at 200 req/s: p50 {p50:.1f} ms, p95 {p95:.1f} ms over 30 runs"
      f"  (goal <= 20 ms: {verdict})")
print(f"anchor: GET {path} on the same server:        p50 {statistics.median(anchors):.1f} ms")
