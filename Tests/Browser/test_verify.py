"""Verify in the browser: the checklist fills in without a reload, a failing check shows its hint, the attempt is
in the history after a reload, and without JavaScript the form posts and the attempt page refreshes until done."""

import json
import re

from playwright.sync_api import expect

from conftest import get_text
from lab_shell import blocked_environment, run_bash, sandbox_lines, status

STEP = "/labs/cross-service/steps/create-topics"


def session_cookie(page) -> str:
    cookie = next(c for c in page.context.cookies() if c["name"] == "lg_session")
    return f"lg_session={cookie['value']}"


def create_topics(base_url, cookie, prefix, tmp_path, names):
    """Creates topics with the learner's own shell lines, as a learner would."""
    lines = sandbox_lines(base_url, cookie)
    environment = blocked_environment(tmp_path / "home", status(base_url, cookie)["endpoint"])
    script = "\n".join([lines] + [f"aws sns create-topic --name {prefix}{name} >/dev/null" for name in names])
    completed = run_bash(script, environment, tmp_path)
    assert completed.returncode == 0, completed.stderr


def test_verify_fills_in_shows_hints_and_keeps_history(page, join, base_url, tmp_path, artifacts_dir):
    prefix = join(page, "Vera Verify")
    page.goto(STEP)
    checks = page.locator("[data-check-list] > .check")
    expect(checks).to_have_count(3)
    expect(checks.first).to_contain_text(f"SNS topic {prefix}order-events exists")

    # Nothing created yet: every check fails, each with what was expected, what was found, and a hint.
    page.evaluate("window.noReload = true")
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.locator("[data-check-list] > .check.is-failed")).to_have_count(3, timeout=10000)
    first = checks.first
    expect(first.locator(".check-hint")).to_be_visible()
    expect(first).to_contain_text(f"{prefix}order-events")
    expect(page.locator("[data-verify-status]")).to_contain_text("Not yet")

    # Two of three topics: two ticks and one failure, filled in on the same page.
    create_topics(base_url, session_cookie(page), prefix, tmp_path, ["order-events", "user-events"])
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.locator("[data-check-list] > .check.is-passed")).to_have_count(2, timeout=10000)
    expect(page.locator("[data-check-list] > .check.is-failed")).to_have_count(1)
    assert page.evaluate("window.noReload") is True
    expect(page.locator("[data-verify-history] [data-history-list] > li")).to_have_count(1)

    create_topics(base_url, session_cookie(page), prefix, tmp_path, ["inventory-events"])
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.locator("[data-check-list] > .check.is-passed")).to_have_count(3, timeout=10000)
    expect(page.locator("[data-completion]")).to_have_class(re.compile(r"\bis-verified\b"))
    expect(page.locator(".step-sidebar [data-step-id=create-topics]")).to_have_class(re.compile(r"\bis-verified\b"))
    for theme in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        page.locator("#verify").screenshot(path=artifacts_dir / f"verify-{theme}.png")

    # After a reload the latest attempt is shown and the earlier two are in the history, with their evidence.
    page.reload()
    expect(page.locator("[data-check-list] > .check.is-passed")).to_have_count(3, timeout=10000)
    history = page.locator("[data-verify-history] [data-history-list] > li")
    expect(history).to_have_count(2)
    page.locator("[data-verify-history] > summary").click()
    history.first.locator("summary").first.click()
    expect(history.first).to_contain_text("Failed")
    evidence = history.first.locator("details.evidence").first
    evidence.locator("summary").click()
    expect(evidence.locator("table")).to_contain_text("SNS")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts_dir / "verify-narrow.png", full_page=True)

    progress = json.loads(get_text(base_url, "/api/v1/labs/cross-service/progress", session_cookie(page)))
    assert [s["status"] for s in progress["steps"] if s["stepId"] == "create-topics"] == ["verified"]


def test_verify_without_javascript(browser, base_url, join):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        prefix = join(page, "No Script")
        page.goto(STEP)
        page.get_by_role("button", name="Verify", exact=True).click()
        expect(page).to_have_url(re.compile(r"/steps/create-topics/attempts/\d+$"))
        # The page refreshes itself until every check has its answer.
        expect(page.locator(".verify-attempt .check.is-failed")).to_have_count(3, timeout=15000)
        expect(page.locator(".attempt-state")).to_have_text("Not yet")
        expect(page.locator(".check-hint").first).to_be_visible()
        expect(page.locator(".verify-attempt").first).to_contain_text(f"{prefix}order-events")
        expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(0)
    finally:
        context.close()


def test_check_as_i_go_marks_the_step_once_it_passes(page, join, base_url, tmp_path):
    # The page's timers run on Playwright's clock, so 15 s pass in an instant.
    page.clock.install()
    prefix = join(page, "Auto Check")
    page.goto(STEP)
    box = page.get_by_label("Check as I go", exact=False)
    box.check()
    create_topics(base_url, session_cookie(page), prefix, tmp_path,
                  ["order-events", "user-events", "inventory-events"])
    page.clock.run_for(16000)
    expect(page.locator("[data-check-list] > .check.is-passed")).to_have_count(3, timeout=10000)
    expect(page.locator("[data-completion]")).to_have_class(re.compile(r"\bis-verified\b"))
    # The choice is remembered for the next page.
    page.reload()
    expect(page.get_by_label("Check as I go", exact=False)).to_be_checked()
