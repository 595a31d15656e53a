#!/usr/bin/env python3
"""Anchor for the simulator benchmark: a plain heapq discrete-event model of the same scenario.

The shape of the AWS Architecture Blog backoff simulator, extended with the order service's layers: Poisson
arrivals, a count-window circuit breaker (failure-rate threshold, minimum calls, open wait, N half-open probes),
retry with full-jitter exponential backoff, a bulkhead without waiting, a per-attempt timeout, and an inventory
service with `concurrency` FIFO workers, log-normal service times, a queue limit and an outage window.

Prints one JSON line: calls (attempts), seconds of CPU time, calls per second and the outcome counts, so the
bench can set the Swift engine's figure next to it.
"""
import argparse
import heapq
import json
import math
import random
import time
from collections import deque


def simulate(rate, duration, concurrency, bulkhead_limit, seed):
    rng = random.Random(seed)
    # Inventory: median 20 ms, p99 80 ms, queue limit 1000, down (fails in 5 ms) from 20 s to 40 s.
    sigma = math.log(80 / 20) / 2.326347874
    mu = math.log(0.020)
    outage = (20.0, 40.0)
    queue_limit = 1000
    timeout = 1.0
    max_attempts, base, cap = 3, 0.050, 1.0
    # Breaker: 50 % failures over the last 50 calls, at least 20 calls, 5 s open, 5 probes.
    threshold, minimum, window_size, open_wait, probes_allowed = 50.0, 20, 50, 5.0, 5

    workers = [0.0] * concurrency
    queued = deque()
    events = []
    seq = 0
    state = "closed"
    window = deque()
    window_failures = 0
    open_until = 0.0
    probes_out = probes_done = probes_failed = 0
    period = 0
    in_flight = 0
    calls = 0
    outcomes = {"succeeded": 0, "failed": 0, "timedOut": 0, "rejectedByBreaker": 0, "rejectedByBulkhead": 0}

    def record(failed):
        nonlocal window_failures, state, open_until, period, probes_out, probes_done, probes_failed, window
        if state == "closed":
            window.append(failed)
            window_failures += failed
            if len(window) > window_size:
                window_failures -= window.popleft()
            if len(window) >= min(minimum, window_size) and window_failures * 100.0 / len(window) >= threshold:
                state, open_until, period = "open", now + open_wait, period + 1
        elif state == "halfOpen":
            probes_done += 1
            probes_failed += failed
            if probes_done >= probes_allowed:
                period += 1
                if probes_failed * 100.0 / probes_done >= threshold:
                    state, open_until = "open", now + open_wait
                else:
                    state, window, window_failures = "closed", deque(), 0

    def start(request, attempt):
        nonlocal seq, state, period, probes_out, probes_done, probes_failed, in_flight, calls
        if state == "open":
            if now < open_until:
                return finish(request, attempt, "rejectedByBreaker", None)
            state, period, probes_out, probes_done, probes_failed = "halfOpen", period + 1, 0, 0, 0
        if state == "halfOpen":
            if probes_out >= probes_allowed:
                return finish(request, attempt, "rejectedByBreaker", None)
            probes_out += 1
        if in_flight >= bulkhead_limit:
            if state == "halfOpen":
                probes_out -= 1
            return finish(request, attempt, "rejectedByBulkhead", None)
        in_flight += 1
        while queued and queued[0] <= now:
            queued.popleft()
        if outage[0] <= now < outage[1]:
            completion, failed = now + 0.005, True
        elif len(queued) >= queue_limit and workers[0] > now:
            completion, failed = now + 0.001, True
        else:
            begin = max(now, workers[0])
            completion = begin + math.exp(mu + sigma * rng.gauss(0.0, 1.0))
            heapq.heapreplace(workers, completion)
            if begin > now:
                queued.append(begin)
            failed = False
        deadline = now + timeout
        outcome = ("failed" if failed else "succeeded") if completion <= deadline else "timedOut"
        seq += 1
        heapq.heappush(events, (min(completion, deadline), seq, 1, (request, attempt, outcome, period)))

    def finish(request, attempt, outcome, permit_period):
        nonlocal seq, in_flight, calls
        calls += 1
        if permit_period is not None:
            in_flight -= 1
            if permit_period == period:
                record(outcome != "succeeded")
        if outcome in ("failed", "timedOut") and attempt < max_attempts:
            delay = rng.uniform(0, min(cap, base * 2 ** (attempt - 1)))
            seq += 1
            heapq.heappush(events, (now + delay, seq, 0, (request, attempt + 1)))
            return
        outcomes[outcome] += 1

    now = rng.expovariate(rate)
    seq += 1
    heapq.heappush(events, (now, seq, 2, None))
    request_id = 0
    while events:
        now, _, kind, payload = heapq.heappop(events)
        if kind == 2:
            request_id += 1
            following = now + rng.expovariate(rate)
            if following < duration:
                seq += 1
                heapq.heappush(events, (following, seq, 2, None))
            start(request_id, 1)
        elif kind == 0:
            start(*payload)
        else:
            request, attempt, outcome, permit_period = payload
            finish(request, attempt, outcome, permit_period)
    return calls, outcomes


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=2000)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--bulkhead", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    arguments = parser.parse_args()
    started = time.process_time()
    calls, outcomes = simulate(arguments.rate, arguments.duration, arguments.concurrency, arguments.bulkhead, arguments.seed)
    seconds = time.process_time() - started
    print(json.dumps({"calls": calls, "seconds": seconds, "callsPerSecond": calls / seconds, "outcomes": outcomes}))


if __name__ == "__main__":
    main()
