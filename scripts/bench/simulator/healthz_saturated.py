#!/usr/bin/env python3
"""GET /healthz latency with the simulation pool idle, then saturated by the largest runs the API allows (issue 12,
finding 1). Prints p50 and p99 for both, and how the saturating runs were answered (200, or 503 while full)."""
import collections
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request

BASE = sys.argv[1]
SAMPLES = int(sys.argv[2]) if len(sys.argv) > 2 else 300
# The largest run under the work limit: 3600 s of inventory-outage at 185 requests/s, three attempts each.
LARGEST = json.dumps({"preset": "inventory-outage", "durationSeconds": 3600,
                      "overrides": {"load.requestsPerSecond": 185}}).encode()


def healthz_ms() -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(BASE + "/healthz", timeout=60) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):6.2f} ms, p99 {p99:6.2f} ms"


def measure() -> list[float]:
    samples = []
    for _ in range(SAMPLES):
        samples.append(healthz_ms())
        time.sleep(0.01)
    return samples


def saturate(stop: threading.Event, answers: collections.Counter) -> None:
    while not stop.is_set():
        request = urllib.request.Request(BASE + "/api/v1/simulations", data=LARGEST, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
                answers[response.status] += 1
        except urllib.error.HTTPError as error:
            answers[error.code] += 1
            time.sleep(0.05)


for _ in range(20):
    healthz_ms()
idle = measure()
stop = threading.Event()
answers: collections.Counter = collections.Counter()
# More clients than the pool has places: it stays full, and the extra runs get 503 with Retry-After.
clients = [threading.Thread(target=saturate, args=(stop, answers), daemon=True) for _ in range(4)]
for client in clients:
    client.start()
time.sleep(1)
saturated = measure()
stop.set()
print(f"GET /healthz, simulation pool idle:      {percentiles(idle)}  ({SAMPLES} requests)")
print(f"GET /healthz, simulation pool saturated: {percentiles(saturated)}  (runs answered: "
      + ", ".join(f"{count}x {status}" for status, count in sorted(answers.items())) + ")")
