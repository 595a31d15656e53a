"""A simulated class against a real `labguide serve`, to measure the instructor's view (each figure beside its goal).

Learners join (from several loopback source addresses, since joins are limited per address), walk the lab's steps
at a random pace, complete them, verify them on the sandbox (moto, started by `serve --sandbox`) and raise hands.
A share of them (PROVISION_SHARE) has LabGuide provision the lab's base first, so their cluster check passes; the
others' Verify finds nothing and fails, as a learner's would before running the step's commands. Then:

1. the instructor page for CLASS_LEARNERS learners × every step: its response time on loopback (the render is most
   of it) and its size; goal: under 50 ms;
2. event to screen: from a learner's action to the instructor's SSE event naming it, p50 and p99, while every
   learner acts every ACTION_SECONDS on average; goal: p99 under 1 s;
3. 2,000 open SSE streams (learner pages and a few instructors): the server's resident memory (goal: under
   200 MB) and step page latency meanwhile.
"""

import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
BINARY = Path(os.environ.get("LABGUIDE_BIN", REPO / ".build/release/labguide"))
LEARNERS = int(os.environ.get("CLASS_LEARNERS", "500"))
STREAMS = int(os.environ.get("CLASS_STREAMS", "2000"))
ACTIVE_SECONDS = float(os.environ.get("CLASS_ACTIVE_SECONDS", "30"))
ACTION_SECONDS = float(os.environ.get("ACTION_SECONDS", "5"))
PROVISION_SHARE = float(os.environ.get("PROVISION_SHARE", "0.1"))
# Of a learner's actions while active: the rest move to a neighbouring step; hands take what is left after Verify.
VERIFY_SHARE, HAND_SHARE = 0.15, 0.1
FINISHED_JOB_STATES = {"completed", "discarded", "cancelled"}
KEY = "bench-instructor-key-0123456789"
LAB = "cross-service"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    def __init__(self, port: int):
        self.port = port

    async def request(self, method, path, cookie=None, body=None, source="127.0.0.1"):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port, local_addr=(source, 0))
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAccept: application/json\r\n"
        if cookie:
            head += f"Cookie: {cookie}\r\n"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        writer.write(head.encode() + b"\r\n" + data)
        await writer.drain()
        raw = await reader.read()
        writer.close()
        header, _, content = raw.partition(b"\r\n\r\n")
        lines = header.decode().split("\r\n")
        status = int(lines[0].split()[1])
        headers = [line.split(": ", 1) for line in lines[1:] if ": " in line]
        return status, headers, content

    async def stream(self, path, cookie, on_event, source="127.0.0.1", ready=None):
        # A batch of rows for hundreds of learners is one long `data:` line: well past asyncio's 64 KiB default.
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", self.port, local_addr=(source, 0), limit=64 * 1024 * 1024)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: {cookie}\r\n\r\n".encode())
        await writer.drain()
        event, data = None, []
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                line = line.decode().rstrip("\r\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
                elif line == "" and event:
                    on_event(event, "\n".join(data))
                    if ready is not None and not ready.done():
                        ready.set_result(True)
                    event, data = None, []
                # Chunked framing lines (sizes) are neither; they are skipped.
        finally:
            writer.close()


def cookie_of(headers, name):
    for key, value in headers:
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";")[0]
    return None


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def wait_until(client, path, cookie, finished, timeout=300):
    """Polls a job or a Verify attempt (JSON) until `finished` says so."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, _, body = await client.request("GET", path, cookie=cookie)
        if status == 200 and finished(json.loads(body)):
            return json.loads(body)
        await asyncio.sleep(0.2)
    raise AssertionError(f"{path} did not finish within {timeout} s")


async def verify(client, cookie, step):
    """Clicks Verify on a step and waits for its attempt; returns the attempt's state."""
    status, _, body = await client.request("POST", f"/api/v1/labs/{LAB}/steps/{step}/verify", cookie=cookie, body={})
    assert status in (200, 202), (status, body[:200])
    attempt = json.loads(body)["attempts"][0]["id"]
    done = await wait_until(client, f"/api/v1/verify-attempts/{attempt}", cookie, lambda a: a["state"] != "running")
    return done["state"]


async def populate(client, steps, checked):
    """Learners join and walk the lab: each reaches a random step, completing those before it. Some have the base
    provisioned and verify the step it answers; the rest verify the step they are on, when it has checks."""
    learners, verifies = [], {}
    semaphore = asyncio.Semaphore(32)

    async def one(index):
        async with semaphore:
            source = f"127.0.{index // 50 + 1}.{index % 50 + 2}"
            status, headers, body = await client.request("POST", "/api/v1/session", body={"name": f"Learner {index:03d}"}, source=source)
            assert status == 201, (status, body[:200])
            cookie = cookie_of(headers, "lg_session")
            learner_id = json.loads(body)["learner"]["id"]
            reach = random.randint(1, len(steps))
            for step in steps[:reach]:
                await client.request("GET", f"/labs/{LAB}/steps/{step}", cookie=cookie)
                if step != steps[reach - 1]:
                    await client.request("POST", f"/api/v1/labs/{LAB}/steps/{step}/complete", cookie=cookie, body={})
            if random.random() < PROVISION_SHARE:
                status, _, body = await client.request("POST", f"/api/v1/labs/{LAB}/provision", cookie=cookie, body={})
                assert status in (200, 202), (status, body[:200])
                job = json.loads(body)["job"]["id"]
                finished = await wait_until(client, f"/api/v1/jobs/{job}", cookie, lambda j: j["state"] in FINISHED_JOB_STATES)
                assert finished["state"] == "completed", finished
                state = await verify(client, cookie, "network-and-cluster")
                verifies[state] = verifies.get(state, 0) + 1
            elif steps[reach - 1] in checked:
                state = await verify(client, cookie, steps[reach - 1])
                verifies[state] = verifies.get(state, 0) + 1
            if random.random() < 0.1:
                await client.request("POST", f"/api/v1/labs/{LAB}/steps/{steps[reach - 1]}/hand", cookie=cookie, body={})
            learners.append((learner_id, cookie, reach - 1))

    await asyncio.gather(*(one(index) for index in range(LEARNERS)))
    return learners, verifies


async def measure_page(client, instructor):
    """Client time on loopback, and the server's own time from its Server-Timing header (load and render)."""
    times, server, size = [], [], 0
    for _ in range(20):
        start = time.perf_counter()
        status, headers, body = await client.request("GET", f"/instructor?lab={LAB}", cookie=instructor)
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200, status
        size = len(body)
        timing = dict(headers).get("Server-Timing", "")
        parts = dict(part.strip().split(";dur=") for part in timing.split(",") if ";dur=" in part)
        server.append({name: float(value) for name, value in parts.items()})
    # Each part's median; the whole is the median of each page's own total.
    parts = {name: statistics.median(page.get(name, 0) for page in server) for name in server[0]}
    total = statistics.median(sum(page.values()) for page in server)
    return statistics.median(times), percentile(times, 0.9), size, total, parts


async def measure_event_to_screen(client, instructor, learners, steps, checked):
    """Every learner acts every ACTION_SECONDS on average. A view or a hand is timed from its request; a Verify from
    its click to the instructor's event with its result, so the job's run on the sandbox is part of it."""
    sent, latencies, verify_latencies = {}, [], []

    def on_event(name, data):
        if name != "rows":
            return
        now = time.perf_counter()
        for event in json.loads(data)["events"]:
            kind = "verify" if event["kind"] in ("verifiedStep", "failedVerify") else event["kind"]
            key = (event["learnerId"], kind, event["stepId"])
            if key in sent:
                (verify_latencies if kind == "verify" else latencies).append((now - sent.pop(key)) * 1000)

    ready = asyncio.get_running_loop().create_future()
    stream = asyncio.create_task(client.stream(f"/api/v1/instructor/labs/{LAB}/events", instructor, on_event, ready=ready))
    await asyncio.sleep(0.5)
    deadline = time.monotonic() + ACTIVE_SECONDS

    async def act(learner_id, cookie, position):
        hand = None
        while time.monotonic() < deadline:
            await asyncio.sleep(random.expovariate(1 / ACTION_SECONDS))
            choice = random.random()
            if choice < VERIFY_SHARE and steps[position] in checked and (learner_id, "verify", steps[position]) not in sent:
                key = (learner_id, "verify", steps[position])
                sent[key] = time.perf_counter()
                status, _, _ = await client.request("POST", f"/api/v1/labs/{LAB}/steps/{steps[position]}/verify", cookie=cookie, body={})
                if status not in (200, 202):
                    sent.pop(key, None)
            elif choice < 1 - HAND_SHARE:
                position = (position + random.choice([1, -1])) % len(steps)
                key = (learner_id, "viewedStep", steps[position])
                sent[key] = time.perf_counter()
                await client.request("GET", f"/labs/{LAB}/steps/{steps[position]}", cookie=cookie)
            elif hand:
                # The hand comes down from wherever it went up, and its event names that step.
                sent[(learner_id, "loweredHand", hand)] = time.perf_counter()
                await client.request("DELETE", f"/api/v1/labs/{LAB}/steps/{steps[position]}/hand", cookie=cookie)
                hand = None
            else:
                hand = steps[position]
                sent[(learner_id, "raisedHand", hand)] = time.perf_counter()
                await client.request("POST", f"/api/v1/labs/{LAB}/steps/{hand}/hand", cookie=cookie, body={})

    await asyncio.gather(*(act(*learner) for learner in learners))
    # Verifies still running finish and reach the stream.
    for _ in range(100):
        if not any(kind == "verify" for _, kind, _ in sent):
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(1)
    stream.cancel()
    unseen = {}
    for _, kind, _ in sent:
        unseen[kind] = unseen.get(kind, 0) + 1
    return latencies, verify_latencies, unseen


async def measure_streams(client, instructor, learners, steps, pid):
    opened, received = [], {"count": 0}
    tasks = []

    def on_event(name, data):
        received["count"] += 1

    for index in range(STREAMS):
        if index % 200 == 0:
            tasks.append(asyncio.create_task(client.stream(f"/api/v1/instructor/labs/{LAB}/events", instructor, on_event)))
            continue
        learner_id, cookie, position = learners[index % len(learners)]
        ready = asyncio.get_running_loop().create_future()
        opened.append(ready)
        source = f"127.1.{index // 250}.{index % 250 + 2}"
        tasks.append(asyncio.create_task(client.stream(
            f"/api/v1/labs/{LAB}/steps/{steps[position]}/class-events", cookie, on_event, source=source, ready=ready)))
        if index % 100 == 0:
            await asyncio.sleep(0.05)
    await asyncio.wait_for(asyncio.gather(*opened), timeout=120)
    await asyncio.sleep(1)
    memory = rss_mb(pid)
    times = []
    _, cookie, _ = learners[0]
    for index in range(300):
        start = time.perf_counter()
        status, _, _ = await client.request("GET", f"/labs/{LAB}/steps/{steps[index % len(steps)]}", cookie=cookie)
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200
    for task in tasks:
        task.cancel()
    return memory, len(tasks), statistics.median(times), percentile(times, 0.99)


async def main():
    port = free_port()
    folder = tempfile.mkdtemp()
    server = subprocess.Popen(
        [str(BINARY), "serve", "--port", str(port), "--database", f"{folder}/class.sqlite", "--labs", "labs",
         "--instructor-key", KEY, "--log-level", "warning", "--sandbox", "--sandbox-port", str(free_port())],
        cwd=REPO, stdout=subprocess.DEVNULL)
    client = Client(port)
    try:
        for _ in range(300):
            try:
                if (await client.request("GET", "/healthz"))[0] == 200:
                    break
            except OSError:
                await asyncio.sleep(0.1)
        await wait_until(client, "/api/v1/sandbox", None, lambda sandbox: sandbox["state"] == "ready", timeout=120)
        lab = json.loads((await client.request("GET", f"/api/v1/labs/{LAB}"))[2])
        all_steps = [step for exercise in lab["exercises"] for step in exercise["steps"]]
        steps = [step["id"] for step in all_steps]
        checked = {step["id"] for step in all_steps if any(check["supportedByEmulator"] for check in step["checks"])}
        started = time.monotonic()
        learners, verifies = await populate(client, steps, checked)
        print(f"class simulator: {len(learners)} learners walked {len(steps)} steps in {time.monotonic() - started:.1f} s;"
              f" {round(PROVISION_SHARE * 100)}% had the base provisioned; Verify on the sandbox:"
              f" {', '.join(f'{count} {state}' for state, count in sorted(verifies.items()))}")
        status, headers, _ = await client.request("POST", "/api/v1/instructor/session", body={"key": KEY})
        instructor = cookie_of(headers, "lg_instructor")
        median, p90, size, total, parts = await measure_page(client, instructor)
        # Server-Timing's parts: load (the store and the board), health, matrix (table and charts), render (Mustache).
        print(f"instructor page, {len(learners)} learners × {len(steps)} steps: on the server {total:.1f} ms median"
              f" ({', '.join(f'{name} {value:.1f}' for name, value in parts.items())}; goal < 50 ms);"
              f" {median:.1f} ms median, {p90:.1f} ms p90 at the client on loopback; {size / 1024:.0f} KiB")
        latencies, verify_latencies, unseen = await measure_event_to_screen(client, instructor, learners, steps, checked)
        # A Verify the sandbox could not answer ends `incomplete`, which is no event: those are counted apart.
        print(f"event to screen, {len(learners)} learners active ({len(latencies)} views and hands): p50 {percentile(latencies, 0.5):.0f} ms,"
              f" p99 {percentile(latencies, 0.99):.0f} ms (goal p99 < 1000 ms); not seen: {unseen or 'none'}")
        print(f"Verify click to its result on the instructor's screen ({len(verify_latencies)} verifies on the sandbox):"
              f" p50 {percentile(verify_latencies, 0.5):.0f} ms, p99 {percentile(verify_latencies, 0.99):.0f} ms")
        memory, count, page_median, page_p99 = await measure_streams(client, instructor, learners, steps, server.pid)
        print(f"{count} open SSE streams: resident memory {memory:.0f} MB (goal < 200 MB);"
              f" step page meanwhile p50 {page_median:.1f} ms, p99 {page_p99:.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    asyncio.run(main())
