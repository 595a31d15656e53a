"""Fixtures for the browser tests: a real `labguide serve` on a free port and a real headless Chromium."""

import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def base_url():
    binary = Path(os.environ.get("LABGUIDE_BIN", REPO / ".build/debug/labguide"))
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `swift build --product labguide` (make test does)")
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        log = open(Path(folder) / "server.log", "w+")
        # The sandbox is the default of `make run`, so the browser tests see what a class sees.
        process = subprocess.Popen(
            [str(binary), "serve", "--port", str(port), "--database", f"{folder}/browser.sqlite", "--labs", "labs",
             "--sandbox", "--sandbox-port", str(free_port())],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                    if json.load(response) == {"status": "ok"}:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"labguide serve did not become healthy:\n{log.read()}")
            time.sleep(0.1)
        wait_for_sandbox(url, deadline)
        yield url
        process.terminate()
        process.wait(timeout=15)


def wait_for_sandbox(url: str, deadline: float):
    """The web server answers before moto is up; tests that use AWS wait for the sandbox to say it is ready."""
    while time.monotonic() < deadline + 30:
        with urllib.request.urlopen(f"{url}/api/v1/sandbox", timeout=2) as response:
            if json.load(response)["state"] == "ready":
                return
        time.sleep(0.2)
    pytest.fail("the sandbox did not become ready")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def context(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    folder = REPO / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def join():
    """Joins as a new learner through the form on the home page; returns the prefix shown in the header."""

    def join_as(page, name: str) -> str:
        page.goto("/")
        page.get_by_label("Display name").fill(name)
        page.get_by_role("button", name="Join").click()
        page.wait_for_selector(".learner-badge")
        return page.locator(".learner-prefix").first.inner_text()

    return join_as


def join_api(base_url: str, name: str) -> str:
    """Joins through the JSON API and returns the session cookie, for tests that drive pages with urllib."""
    request = urllib.request.Request(
        f"{base_url}/api/v1/session", data=json.dumps({"name": name}).encode(), method="POST",
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return response.headers["Set-Cookie"].split(";")[0]


def get_text(base_url: str, path: str, cookie: str) -> str:
    request = urllib.request.Request(f"{base_url}{path}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as response:
        return response.read().decode()


@pytest.fixture(scope="session")
def lab_detail(base_url):
    with urllib.request.urlopen(f"{base_url}/api/v1/labs/cross-service") as response:
        return json.load(response)
