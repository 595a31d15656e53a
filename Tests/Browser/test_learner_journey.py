"""The learner journey in a real headless Chromium: join, read, copy, complete, come back."""

import re

from playwright.sync_api import expect


def exercise_one(lab_detail):
    return next(exercise for exercise in lab_detail["exercises"] if exercise["title"].startswith("Exercise 1"))


def test_walk_exercise_one_and_progress_survives_reload(page, join, lab_detail):
    prefix = join(page, "Walker <b>Tester</b>")
    assert re.fullmatch(r"lg-[a-z0-9]{1,8}-[a-z0-9]{4}-", prefix), prefix
    expect(page.locator(".learner-name")).to_have_text("Walker <b>Tester</b>")  # shown as text, not markup

    page.goto("/labs/cross-service")
    page.get_by_role("link", name=re.compile("Start the lab")).click()
    steps = exercise_one(lab_detail)["steps"]
    page.goto(f"/labs/cross-service/steps/{steps[0]['id']}")
    for index, step in enumerate(steps):
        expect(page.locator("h1")).to_have_text(step["title"])
        page.get_by_role("button", name="Mark complete").click()
        expect(page.locator("[data-complete-status]")).to_contain_text("completed this step")
        expect(page.locator(f'.step-sidebar [data-step-id="{step["id"]}"]')).to_have_class(re.compile("is-complete"))
        if index + 1 < len(steps):
            page.locator("a[rel=next]").click()

    page.reload()
    for step in steps:
        expect(page.locator(f'.step-sidebar [data-step-id="{step["id"]}"]')).to_have_class(re.compile("is-complete"))
    page.goto("/labs/cross-service")
    expect(page.locator(".progress-block .meta")).to_contain_text(f"{len(steps)} of ")
    expect(page.get_by_role("link", name=re.compile("Continue where you left off"))).to_be_visible()


def test_commands_carry_the_learner_prefix_and_copy_exactly(page, join, lab_detail):
    prefix = join(page, "Copier")
    for exercise in lab_detail["exercises"]:
        for step in exercise["steps"]:
            page.goto(f"/labs/cross-service/steps/{step['id']}")
            block = page.locator("figure.code", has=page.locator(f"code:has-text('{prefix}')")).first
            if block.count():
                break
        else:
            continue
        break
    expected = block.locator("code").inner_text().rstrip("\n")
    assert prefix in expected and "{{" not in expected
    block.get_by_role("button", name=re.compile("Copy")).click()
    expect(block.locator(".copy-button")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected
    assert not copied.endswith("\n") and not copied.startswith("$ ")


def test_complete_works_without_javascript(browser, base_url, join):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    join(page, "No Script")
    page.goto("/labs/cross-service")
    page.get_by_role("link", name=re.compile("Start the lab")).click()
    page.get_by_role("button", name="Mark complete").click()
    expect(page.get_by_role("button", name="Completed ✓")).to_be_visible()
    expect(page.locator(".step-sidebar li.is-complete")).to_have_count(1)
    context.close()


def test_step_page_screenshots_in_both_themes(page, join, lab_detail, artifacts_dir):
    join(page, "Screenshot")
    step = exercise_one(lab_detail)["steps"][0]
    page.goto(f"/labs/cross-service/steps/{step['id']}")
    for theme in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == ("rgb(247, 248, 250)" if theme == "light" else "rgb(15, 20, 27)")
        page.screenshot(path=artifacts_dir / f"step-{theme}.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts_dir / "step-narrow.png", full_page=True)


def test_signed_out_visitor_is_sent_to_join_and_back(page):
    page.goto("/labs/cross-service")
    expect(page).to_have_url(re.compile(r"/\?next=/labs/cross-service$"))
    page.get_by_label("Display name").fill("Returner")
    page.get_by_role("button", name="Join").click()
    expect(page).to_have_url(re.compile(r"/labs/cross-service$"))


def test_not_you_signs_out_and_someone_else_joins(page, join):
    join(page, "First Person")
    page.get_by_role("button", name="Not you?").click()
    expect(page.get_by_label("Display name")).to_be_visible()
    join(page, "Second Person")
    expect(page.locator(".learner-name")).to_have_text("Second Person")


def test_unknown_step_gets_a_styled_404(page, join):
    join(page, "Lost")
    response = page.goto("/labs/cross-service/steps/no-such-step")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
