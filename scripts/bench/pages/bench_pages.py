"""Benchmarks a personalised step page against nginx serving the same bytes, on this machine, in one run.

Figures: requests/s and p99 latency for both (wrk, 2 threads, 64 connections), their ratio (goal ≥ 0.5),
time from process start to a healthy /healthz (goal < 1 s, release build), and resident memory when idle.

The two servers are measured in alternating rounds and the medians compared: on a shared 2-core machine a single
pair of runs swings by ±20 %, and alternating keeps both sides under the same conditions.
"""

import json
import os
import statistics
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
BINARY = Path(os.environ.get("LABGUIDE_BIN", REPO / ".build/release/labguide"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 20) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            sys.exit(f"bench: server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.005)
    sys.exit("bench: server never became healthy")


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def wrk(url: str, headers: list[str]) -> tuple[float, float]:
    command = ["wrk", "-t2", "-c64", f"-d{DURATION}", "--latency", *sum((["-H", h] for h in headers), []), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99_text = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99_text.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"bench: {url} answered {errors.group(1)} errors:\n{output}")
    return rate, float(p99_text.group(1)) * scale


def main() -> None:
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"bench: {tool} is missing (scripts/install-deps.sh installs it)")
    if not BINARY.exists():
        sys.exit(f"bench: {BINARY} is missing: run `make release`")
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BINARY), "serve", "--port", str(port), "--database", f"{folder}/bench.sqlite", "--labs", "labs",
             "--log-level", "warning"], cwd=REPO)
        try:
            startup = wait_healthy(url, server)
            time.sleep(0.5)
            idle_rss = rss_kib(server.pid)

            request = urllib.request.Request(
                f"{url}/api/v1/session", data=b'{"name":"Bench"}', headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request) as response:
                cookie = response.headers["Set-Cookie"].split(";")[0]
            with urllib.request.urlopen(f"{url}/api/v1/labs/cross-service") as response:
                lab = json.load(response)
            step = next(s["id"] for e in lab["exercises"] for s in e["steps"] if e["title"].startswith("Exercise 3"))
            page_url = f"{url}/labs/cross-service/steps/{step}"
            with urllib.request.urlopen(urllib.request.Request(page_url, headers={"Cookie": cookie})) as response:
                # A browser keeps the form-token cookie from its first page and sends both from then on.
                form_cookie = response.headers["Set-Cookie"].split(";")[0]
            cookie = f"{cookie}; {form_cookie}"
            with urllib.request.urlopen(urllib.request.Request(page_url, headers={"Cookie": cookie})) as response:
                if response.headers["Set-Cookie"]:
                    sys.exit("bench: the page set a cookie again although the browser sent both")
                html = response.read()

            root = Path(folder) / "www"
            root.mkdir()
            (root / "step.html").write_bytes(html)
            # nginx workers drop root privileges: they must be able to reach the file.
            for path in (Path(folder), root, root / "step.html"):
                path.chmod(0o755)
            nginx_port = free_port()
            config = Path(folder) / "nginx.conf"
            config.write_text(f"""
worker_processes auto; daemon off; pid {folder}/nginx.pid; error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; keepalive_requests 100000;
  server {{ listen 127.0.0.1:{nginx_port}; root {root}; default_type text/html; }} }}
""")
            nginx = subprocess.Popen(["nginx", "-c", str(config), "-p", folder], stderr=subprocess.DEVNULL)
            try:
                time.sleep(0.5)
                ours, theirs = [], []
                for _ in range(ROUNDS):
                    ours.append(wrk(page_url, [f"Cookie: {cookie}"]))
                    theirs.append(wrk(f"http://127.0.0.1:{nginx_port}/step.html", [f"Cookie: {cookie}"]))
            finally:
                nginx.terminate()
                nginx.wait()
        finally:
            server.terminate()
            server.wait()

    ours_rate = statistics.median(rate for rate, _ in ours)
    ours_p99 = statistics.median(p99 for _, p99 in ours)
    nginx_rate = statistics.median(rate for rate, _ in theirs)
    nginx_p99 = statistics.median(p99 for _, p99 in theirs)
    ratio = ours_rate / nginx_rate
    rounds = ", ".join(f"{a / b:.2f}" for (a, _), (b, _) in zip(ours, theirs))
    print(f"step page ({len(html)} bytes, personalised, session + progress lookup), wrk -t2 -c64 -d{DURATION},")
    print(f"medians of {ROUNDS} alternating rounds (ratio per round: {rounds}):")
    print(f"  labguide   {ours_rate:10.0f} req/s   p99 {ours_p99:7.2f} ms")
    print(f"  nginx      {nginx_rate:10.0f} req/s   p99 {nginx_p99:7.2f} ms   (anchor: same HTML as a static file)")
    print(f"  ratio      {ratio:10.2f} × nginx                       (goal ≥ 0.50: {'met' if ratio >= 0.5 else 'NOT met'})")
    print(f"start-up to healthy /healthz: {startup * 1000:.0f} ms (goal < 1000 ms: {'met' if startup < 1 else 'NOT met'})")
    print(f"resident memory when idle:    {idle_rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
