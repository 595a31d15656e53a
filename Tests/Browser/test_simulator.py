"""Browser tests of the circuit-breaker simulator (issue 4 §5) in headless Chromium.

Fixtures come from conftest.py: `base_url` (a running `labguide serve`), `page` (a fresh Playwright
page), `artifacts_dir` (where screenshots go) and `join(page, name)` (joins as a learner).
"""

import re

import pytest
from playwright.sync_api import Page, expect

LAB = "cross-service"
APP = "#simulator-app"


def runs_count(page: Page, selector: str) -> int:
    return page.evaluate("(selector) => Number(document.querySelector(selector)?.dataset.runs ?? 0)", selector)


def wait_for_run(page: Page, selector: str = APP, after: int = 0) -> int:
    """Waits until the simulator at `selector` has drawn more runs than `after`; returns the new count."""
    page.wait_for_function(
        "([selector, after]) => Number(document.querySelector(selector)?.dataset.runs ?? 0) > after"
        " && document.querySelector(selector)?.getAttribute('aria-busy') !== 'true'",
        arg=[selector, after],
        timeout=15_000,
    )
    return runs_count(page, selector)


def chart_paths(page: Page, scope: str) -> list[str]:
    """The drawn geometry of every data layer, to tell whether the charts really changed."""
    return page.eval_on_selector_all(f"{scope} .sim-data path, {scope} .sim-data rect", "nodes => nodes.map(n => n.getAttribute('d') ?? `${n.getAttribute('x')},${n.getAttribute('width')}`)")


def render_counts(page: Page, scope: str) -> list[int]:
    return page.eval_on_selector_all(f"{scope} figure.sim-chart:not([hidden]) svg.sim-svg", "nodes => nodes.map(n => Number(n.dataset.renderCount ?? 0))")


def summary_text(page: Page) -> str:
    return page.inner_text(f"{APP} .sim-summary-table")


def duplicate_ids(page: Page) -> list[str]:
    return page.evaluate(
        "() => { const seen = new Set(), twice = new Set();"
        " for (const node of document.querySelectorAll('[id]')) (seen.has(node.id) ? twice : seen).add(node.id);"
        " return [...twice]; }"
    )


def open_simulator(page: Page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}/simulator{query}")
    wait_for_run(page)


def preset_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("#sim-preset option", "options => options.map(o => o.value)")


def test_choosing_a_preset_and_moving_a_slider_redraws_the_charts(page: Page, base_url: str):
    open_simulator(page, base_url)
    presets = preset_ids(page)
    assert "inventory-outage" in presets, presets
    target = "retry-storm" if "retry-storm" in presets and page.input_value("#sim-preset") != "retry-storm" else presets[-1]
    count = runs_count(page, APP)
    page.select_option("#sim-preset", target)
    count = wait_for_run(page, after=count)
    expect(page.locator(".sim-explanation")).to_contain_text("What to watch for")
    assert f"preset={target}" in page.url

    before_summary = summary_text(page)
    before_paths = chart_paths(page, '[data-run="A"]')
    before_renders = render_counts(page, '[data-run="A"]')
    assert len(before_paths) >= 6, "expected drawn data in the run A charts"

    slider = page.locator('details[data-group="load"] input[type="range"]').first
    expect(slider).to_be_visible()
    key = slider.get_attribute("data-key")
    old_value = float(slider.input_value())
    slider.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    wait_for_run(page, after=count)
    assert float(slider.input_value()) > old_value, "arrow keys move the slider"
    expect(page.locator(f'{APP} .sim-summary-table')).not_to_have_text(before_summary)
    assert chart_paths(page, '[data-run="A"]') != before_paths, "the charts redraw with the new run"
    after_renders = render_counts(page, '[data-run="A"]')
    assert all(after > before for after, before in zip(after_renders, before_renders) if before)
    assert f"{key}=" in page.url, "the changed parameter is in the shareable address"
    expect(page.locator(f'[data-key="{key}"].sim-field-changed')).to_have_count(1)


def test_a_shared_address_restores_the_run_and_its_comparison(page: Page, base_url: str):
    open_simulator(page, base_url)
    presets = preset_ids(page)
    other = presets[1] if len(presets) > 1 else presets[0]
    open_simulator(page, base_url, f"?preset={other}&seed=7&duration=45&compare=1")
    assert page.input_value("#sim-preset") == other
    assert page.input_value("#sim-seed") == "7"
    assert page.input_value("#sim-duration") == "45"
    expect(page.locator("#sim-compare")).to_be_checked()
    expect(page.locator('[data-run="B"]')).to_be_visible()
    expect(page.locator(f"{APP} .sim-summary-table thead th")).to_have_count(4)
    # The timeline covers the requested 45 s, plus the seconds the last requests need to finish.
    assert 45 <= float(page.locator(".sim-scrub").first.get_attribute("max")) < 60
    # Editing B leaves A alone and lands in the address with a `b.` prefix.
    page.check("#sim-editing-B")
    slider = page.locator('details[data-group="load"] input[type="range"]').first
    key = slider.get_attribute("data-key")
    count = runs_count(page, APP)
    slider.focus()
    page.keyboard.press("ArrowRight")
    wait_for_run(page, after=count)
    assert f"b.{key}=" in page.url
    restored_url = page.url
    page.goto("about:blank")
    page.goto(restored_url)
    wait_for_run(page)
    page.check("#sim-editing-B")
    expect(page.locator(f'[data-key="{key}"].sim-field-changed')).to_have_count(1)


def test_the_fault_schedule_can_be_edited(page: Page, base_url: str):
    open_simulator(page, base_url, "?preset=inventory-outage")
    state_summary = page.locator('[data-run="A"] .sim-chart-state .sim-chart-summary')
    expect(state_summary).to_contain_text("outage 20 s–40 s")
    count = runs_count(page, APP)
    page.locator('[data-key="fault.errorWindows"] [data-action="add-window"]').click()
    count = wait_for_run(page, after=count)
    expect(state_summary).to_contain_text("errors")
    assert "fault.errorWindows=" in page.url
    page.locator('[data-key="fault.outages"] [data-action="remove-window"]').first.click()
    wait_for_run(page, after=count)
    expect(state_summary).not_to_contain_text("outage")
    assert "fault.outages=%5B%5D" in page.url


def test_a_rejected_value_shows_the_servers_message_inline(page: Page, base_url: str):
    page.goto(f"{base_url}/simulator?preset=inventory-outage&breaker.failureRateThreshold=150")
    alert = page.locator(f"{APP} .sim-error[role=alert]")
    expect(alert).to_be_visible(timeout=10_000)
    expect(alert).to_contain_text(re.compile(r"failureRateThreshold|threshold", re.I))
    expect(page.locator('[data-key="breaker.failureRateThreshold"].sim-field-invalid')).to_have_count(1)


def test_every_control_has_a_label_and_play_moves_the_cursor(page: Page, base_url: str):
    open_simulator(page, base_url)
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('#simulator-app input, #simulator-app select, #simulator-app button')]
             .filter(el => !el.closest('[hidden]'))
             .filter(el => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
             .map(el => el.outerHTML)"""
    )
    assert unlabeled == []
    assert duplicate_ids(page) == []
    figures = page.locator('[data-run="A"] figure.sim-chart:visible')
    assert figures.count() >= 6
    for index in range(figures.count()):
        summary = figures.nth(index).locator(".sim-chart-summary")
        assert len(summary.inner_text().strip()) > 20, "each chart has a text summary"
        described = figures.nth(index).locator("svg").get_attribute("aria-describedby")
        assert described == summary.get_attribute("id")
    expect(page.locator('[data-run="A"] .sim-chart-summary').first).to_contain_text("Breaker")

    play = page.locator('[data-action="play"]').first
    play.focus()
    page.keyboard.press("Enter")
    scrub = page.locator(".sim-scrub").first
    page.wait_for_function("() => { const v = Number(document.querySelector('.sim-scrub').value); return v > 0.5 && v < Number(document.querySelector('.sim-scrub').max); }")
    page.locator('[data-action="pause"]').first.click()
    paused_at = float(scrub.input_value())
    clip_width = page.eval_on_selector('[data-run="A"] clipPath rect', "rect => Number(rect.getAttribute('width'))")
    full_width = page.eval_on_selector('[data-run="A"] svg.sim-svg', "svg => Number(svg.getAttribute('width'))")
    assert 0 < clip_width < full_width, "the charts reveal the run only up to the cursor"
    page.wait_for_timeout(300)
    assert float(scrub.input_value()) == paused_at, "pause stops the cursor"
    page.locator('[data-action="step-forward"]').click()
    assert float(scrub.input_value()) == round(paused_at) + 1


def find_embedding_step(page: Page, base_url: str) -> str:
    """The address of the exercise-4 step whose page embeds the simulator."""
    lab = page.request.get(f"{base_url}/api/v1/labs/{LAB}").json()
    exercises = lab.get("exercises", [])
    ordered = sorted(exercises, key=lambda exercise: 0 if re.search(r"breaker|exercise 4", str(exercise.get("title", "")), re.I) else 1)
    for exercise in ordered:
        for step in exercise.get("steps", []):
            step_id = step if isinstance(step, str) else step.get("id")
            url = f"{base_url}/labs/{LAB}/steps/{step_id}"
            html = page.request.get(url).text()
            if "simulator-embed" in html:
                return url
    pytest.fail("no step of the cross-service lab embeds the simulator")


def test_the_exercise_4_step_embeds_a_working_simulator(page: Page, base_url: str, join):
    join(page, "Simulator Tester")
    url = find_embedding_step(page, base_url)
    page.goto(url)
    embed = page.locator(".simulator-embed[data-preset]").first
    preset = embed.get_attribute("data-preset")
    wait_for_run(page, ".simulator-embed[data-preset]")
    expect(embed.locator("svg.sim-svg").first).to_be_visible()
    assert len(chart_paths(page, ".simulator-embed")) >= 3
    expect(embed.locator(".sim-chart-summary").first).to_contain_text("Breaker")
    expect(embed.get_by_role("link", name=re.compile("full simulator", re.I))).to_have_attribute("href", re.compile(rf"preset={preset}"))
    expect(embed.locator('[data-action="play"]')).to_be_visible()
    page.wait_for_function("() => [...document.querySelectorAll('.simulator-embed')].every(e => Number(e.dataset.runs ?? 0) > 0)")
    assert duplicate_ids(page) == [], "several embeds on one step keep their ids apart"
    # The compact A/B: B's numbers join the summary table, on the same seed.
    count = runs_count(page, ".simulator-embed[data-preset]")
    embed.locator(".sim-embed-compare input").check()
    wait_for_run(page, ".simulator-embed[data-preset]", after=count)
    expect(embed.locator(".sim-summary-table thead th")).to_have_count(4)
    expect(embed.get_by_role("link", name=re.compile("full simulator", re.I))).to_have_attribute("href", re.compile(r"compare=1"))


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_in_light_and_dark_themes(page: Page, base_url: str, artifacts_dir, join, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    colours = {}
    for theme in ["light", "dark"]:
        page.emulate_media(color_scheme=theme)
        open_simulator(page, base_url, "?preset=inventory-outage&compare=1")
        page.evaluate("(theme) => { document.documentElement.dataset.theme = theme; }", theme)
        colours[theme] = page.evaluate(
            """() => [getComputedStyle(document.documentElement).getPropertyValue('--sim-succeeded').trim(),
                      getComputedStyle(document.querySelector('.sim-run')).backgroundColor]"""
        )
        page.screenshot(path=str(artifacts_dir / f"simulator-{theme}-{width}.png"), full_page=True)
        if width <= 420:
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {width}px"
            a_box = page.locator('[data-run="A"]').bounding_box()
            b_box = page.locator('[data-run="B"]').bounding_box()
            assert b_box["y"] >= a_box["y"] + a_box["height"] - 1, "A/B runs stack on narrow screens"
            assert page.locator("details.sim-group[open]").count() == 0, "controls collapse on narrow screens"
    assert colours["light"] != colours["dark"], colours

    join(page, "Screenshot Taker")
    page.goto(find_embedding_step(page, base_url))
    for theme in ["light", "dark"]:
        page.emulate_media(color_scheme=theme)
        page.evaluate("(theme) => { document.documentElement.dataset.theme = theme; }", theme)
        wait_for_run(page, ".simulator-embed[data-preset]")
        page.locator(".simulator-embed").first.screenshot(path=str(artifacts_dir / f"simulator-embed-{theme}-{width}.png"))
