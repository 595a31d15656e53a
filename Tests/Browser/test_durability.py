"""Progress survives a kill -9 of the server: SQLite in WAL mode commits before the API answers."""

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import REPO, free_port


def start(binary: Path, database: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(binary), "serve", "--port", str(port), "--database", str(database), "--labs", "labs"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("server did not start")


def call(port: int, path: str, cookie: str | None = None, method: str = "GET", body: bytes | None = None):
    headers = {"Content-Type": "application/json"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method, headers=headers)
    with urllib.request.urlopen(request) as response:
        return response.headers, json.load(response)


def test_progress_survives_kill_9_and_restart(tmp_path):
    binary = Path(os.environ.get("LABGUIDE_BIN", REPO / ".build/debug/labguide"))
    database = tmp_path / "durable.sqlite"
    port = free_port()
    server = start(binary, database, port)
    try:
        headers, _ = call(port, "/api/v1/session", method="POST", body=b'{"name":"Durable"}')
        cookie = headers["Set-Cookie"].split(";")[0]
        _, lab = call(port, "/api/v1/labs/cross-service")
        step = lab["exercises"][1]["steps"][0]["id"]
        call(port, f"/api/v1/labs/cross-service/steps/{step}/complete", cookie, method="POST", body=b"{}")
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()

    server = start(binary, database, port)
    try:
        _, progress = call(port, "/api/v1/labs/cross-service/progress", cookie)
        assert progress["completedSteps"] == 1
        assert [entry["stepId"] for entry in progress["steps"]] == [step]
    finally:
        server.terminate()
        server.wait()
