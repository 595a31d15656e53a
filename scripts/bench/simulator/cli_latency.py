#!/usr/bin/env python3
"""Fallback when no server is available: the run the API would do, timed inside and outside the CLI."""
import re
import statistics
import subprocess
import sys
import time

BIN = sys.argv[1]
ARGS = [BIN, "simulate", "--preset", "inventory-outage", "--seed", "42", "--duration", "60",
        "--set", "load.requestsPerSecond=200"]
inside, outside = [], []
for _ in range(10):
    started = time.perf_counter()
    output = subprocess.run(ARGS + ["--format", "table"], check=True, capture_output=True, text=True).stdout
    outside.append((time.perf_counter() - started) * 1000)
    inside.append(float(re.search(r"in ([0-9.]+) ms", output).group(1)))
json_started = time.perf_counter()
subprocess.run(ARGS + ["--format", "json"], check=True, capture_output=True)
json_ms = (time.perf_counter() - json_started) * 1000
verdict = "meets" if statistics.median(inside) <= 20 else "misses"
print(f"CLI simulation of 60 s at 200 req/s: p50 {statistics.median(inside):.1f} ms inside the process"
      f"  (goal <= 20 ms: {verdict}; the API adds HTTP and JSON encoding)")
print(f"anchor: whole CLI process, table {statistics.median(outside):.1f} ms, JSON {json_ms:.1f} ms")
