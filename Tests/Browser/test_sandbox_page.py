"""The AWS target in every header, and the sandbox panel with its copy button."""

import re

from playwright.sync_api import expect


def test_every_page_names_the_sandbox_target(page, join, lab_detail):
    join(page, "Target Watcher")
    first_step = lab_detail["exercises"][0]["steps"][0]["id"]
    for path in ("/", "/labs/cross-service", f"/labs/cross-service/steps/{first_step}", "/simulator", "/no-such-page"):
        page.goto(path)
        badge = page.locator(".target-badge")
        expect(badge).to_have_text("Sandbox (local emulator)")
        expect(badge).to_have_attribute("href", "/sandbox")


def test_sandbox_panel_copies_the_learners_own_lines(page, join, artifacts_dir):
    join(page, "Panel Copier")
    page.locator(".target-badge").click()
    expect(page).to_have_url(re.compile("/sandbox$"))
    block = page.locator("figure.code").first
    lines = block.locator("code").inner_text().rstrip("\n")
    assert "AWS_ACCESS_KEY_ID=LGSB2" in lines and "--endpoint-url" in lines and "{{" not in lines
    account = re.search(r"LGSB(\d{12})", lines).group(1)
    expect(page.locator("main")).to_contain_text(account)
    block.get_by_role("button", name=re.compile("Copy")).click()
    expect(block.locator(".copy-button")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == lines
    for theme in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        page.screenshot(path=artifacts_dir / f"sandbox-{theme}.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts_dir / "sandbox-narrow.png", full_page=True)


def test_status_banner_stays_hidden_while_the_sandbox_runs(page, join):
    join(page, "Banner Watcher")
    page.goto("/labs/cross-service")
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-sandbox-status]")).to_be_hidden()
