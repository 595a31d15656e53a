"""The instructor's live class view with two browser contexts: a learner and an instructor, on a server of its own
(started with --instructor-key, without the sandbox: nothing here calls AWS)."""

import json
import os
import re
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import REPO, free_port, join_api

KEY = "browser-instructor-key-0123456789abcdef"
# The shared 2-core machine runs builds beside the tests: a live update may take a few seconds to be drawn there.
expect.set_options(timeout=15000)


@pytest.fixture(scope="module")
def server():
    binary = Path(os.environ.get("LABGUIDE_BIN", REPO / ".build/debug/labguide"))
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        database = f"{folder}/instructor.sqlite"
        log = open(Path(folder) / "server.log", "w+")
        process = subprocess.Popen(
            [str(binary), "serve", "--port", str(port), "--database", database, "--labs", "labs",
             "--instructor-key", KEY],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"labguide serve did not start:\n{log.read()}")
                time.sleep(0.1)
        yield {"url": url, "database": database, "binary": binary, "log": log}
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture
def learner(browser, server):
    context = browser.new_context(base_url=server["url"], viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def instructor(browser, server):
    context = browser.new_context(base_url=server["url"], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/instructor/sign-in")
    page.get_by_label("Instructor key").fill(KEY)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("[data-matrix]")
    expect(page.locator("[data-live-status]")).to_contain_text("Live")
    yield page
    context.close()


def join(page, name):
    page.goto("/")
    page.get_by_label("Display name").fill(name)
    page.get_by_role("button", name="Join").click()
    page.wait_for_selector(".learner-badge")


def learner_id(page) -> str:
    return str(page.request.get("/api/v1/session").json()["learner"]["id"])


def test_a_completed_step_changes_the_instructors_cell_without_a_reload(learner, instructor):
    join(learner, "Cell Watcher")
    learner.goto("/labs/cross-service/steps/welcome")
    row = instructor.locator(f'tr[data-learner-id="{learner_id(learner)}"]')
    expect(row.locator('td[data-step="welcome"]')).to_have_class(re.compile("c-viewed"))
    instructor.evaluate("window.notReloaded = true")
    learner.get_by_role("button", name="Mark complete").click()
    expect(row.locator('td[data-step="welcome"]')).to_have_class(re.compile("c-completed"))
    assert instructor.evaluate("window.notReloaded") is True


def test_a_broadcast_reaches_the_learners_open_page_escaped(learner, instructor):
    join(learner, "Listener")
    learner.goto("/labs/cross-service/steps/welcome")
    learner.wait_for_selector("[data-raise-hand]:not([hidden])")
    instructor.locator("#broadcast-text").fill("<b>not bold</b> **Break** in 5 minutes")
    instructor.get_by_role("button", name="Send").click()
    banner = learner.locator(".broadcast")
    expect(banner).to_contain_text("<b>not bold</b> Break in 5 minutes")
    assert banner.locator("strong").inner_text() == "Break"
    assert banner.locator("b").count() == 0
    banner.get_by_role("button", name="Dismiss").click()
    expect(banner).to_have_count(0)
    learner.reload()
    learner.wait_for_selector("[data-raise-hand]:not([hidden])")
    expect(learner.locator(".broadcast")).to_have_count(0)


def test_hold_and_release_hide_and_show_a_later_step(learner, instructor):
    join(learner, "Waiter")
    learner.goto("/labs/cross-service/steps/create-topics")
    learner.wait_for_selector("[data-raise-hand]:not([hidden])")
    expect(learner.locator("article.prose")).to_have_count(1)
    instructor.locator("#hold-exercise").select_option("deploy-mesh")
    instructor.get_by_role("button", name="Hold", exact=True).click()
    expect(learner.get_by_text("Your instructor will open this shortly")).to_be_visible()
    expect(learner.locator("article.prose")).to_have_count(0)
    instructor.get_by_role("button", name="Release").click()
    expect(learner.locator("article.prose")).to_have_count(1)
    expect(learner.get_by_text("Your instructor will open this shortly")).to_have_count(0)


def test_a_raised_hand_shows_and_clears(learner, instructor):
    join(learner, "Hand Raiser")
    learner.goto("/labs/cross-service/steps/welcome")
    learner.get_by_role("button", name="Raise hand").click()
    hands = instructor.locator("[data-hands]")
    expect(hands).to_contain_text("Hand Raiser")
    expect(learner.get_by_role("button", name=re.compile("Hand raised"))).to_be_visible()
    # The learner moves on; the list still names the step the hand went up on.
    learner.goto("/labs/cross-service/steps/set-up-your-shell")
    row = instructor.locator(f'tr[data-learner-id="{learner_id(learner)}"]')
    expect(row.locator(".matrix-current")).to_contain_text("Prerequisites")
    expect(hands.locator("li", has_text="Hand Raiser")).to_contain_text("on What you will build since")
    expect(learner.get_by_role("button", name=re.compile("Hand raised"))).to_be_visible()
    hands.locator("li", has_text="Hand Raiser").get_by_role("button", name="Clear").click()
    expect(hands).not_to_contain_text("Hand Raiser")
    expect(learner.get_by_role("button", name="Raise hand")).to_be_visible()


def test_screenshots_light_and_dark_at_desktop_and_phone_width(browser, server, artifacts_dir):
    for index in range(12):
        cookie = join_api(server["url"], f"Learner {index:02d}")
        steps = json.load(urllib.request.urlopen(f"{server['url']}/api/v1/labs/cross-service"))
        ids = [step["id"] for exercise in steps["exercises"] for step in exercise["steps"]]
        for step in ids[: index % 7 + 1]:
            urllib.request.urlopen(urllib.request.Request(
                f"{server['url']}/labs/cross-service/steps/{step}", headers={"Cookie": cookie})).read()
            urllib.request.urlopen(urllib.request.Request(
                f"{server['url']}/api/v1/labs/cross-service/steps/{step}/complete", data=b"{}", method="POST",
                headers={"Cookie": cookie, "Content-Type": "application/json"})).read()
    for width, label in [(1280, "desktop"), (390, "phone")]:
        for scheme in ["light", "dark"]:
            context = browser.new_context(base_url=server["url"], viewport={"width": width, "height": 900},
                                          color_scheme=scheme)
            page = context.new_page()
            response = page.request.post("/api/v1/instructor/session", data=json.dumps({"key": KEY}),
                                         headers={"Content-Type": "application/json"})
            assert response.status == 201, response.text()
            page.goto("/instructor")
            page.wait_for_selector("[data-matrix]")
            page.screenshot(path=str(artifacts_dir / f"instructor-{label}-{scheme}.png"), full_page=True)
            context.close()


# Last: rotating replaces the key the other tests sign in with.
def test_the_generated_sign_in_link_works_once(browser, server):
    output = subprocess.run(
        [str(server["binary"]), "instructor-key", "--rotate", "--database", server["database"], "--url", server["url"]],
        cwd=REPO, capture_output=True, text=True, check=True).stdout
    link = re.search(r"(http://\S+#key=\S+)", output).group(1)
    for attempt in range(2):
        context = browser.new_context()
        page = context.new_page()
        page.goto(link)
        if attempt == 0:
            page.wait_for_selector("[data-matrix]")
        else:
            expect(page.locator("main")).to_contain_text("already used")
        context.close()
