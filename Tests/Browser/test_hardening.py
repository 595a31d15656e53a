"""Issue 12 in the browser: the pages work under the Content-Security-Policy, and the simulator's model reads
the API's own field names (a real API response, a run whose failure rate stays under 1 %)."""

import json
import urllib.request

from playwright.sync_api import Page

MODEL = "/js/simulator/model.js"


def collect_csp_violations(page: Page) -> list[str]:
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text else None)
    return violations


def test_pages_work_under_the_content_security_policy(page: Page, base_url: str, join, artifacts_dir, lab_detail):
    violations = collect_csp_violations(page)
    join(page, "Policy")
    step = lab_detail["exercises"][0]["steps"][0]["id"]
    for path in ["/", "/labs/cross-service", f"/labs/cross-service/steps/{step}", "/simulator"]:
        response = page.goto(path)
        assert response is not None and response.ok, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        page.wait_for_load_state("networkidle")
    # The theme script ran (it sets the theme before paint) and the progress bar is drawn without inline style.
    page.goto(f"/labs/cross-service/steps/{step}")
    assert page.evaluate("() => document.documentElement.dataset.theme ?? 'system'") is not None
    width = page.eval_on_selector("[data-progress-bar]", "bar => bar.getBoundingClientRect().width")
    assert width >= 0
    for theme in ["light", "dark"]:
        page.emulate_media(color_scheme=theme)
        page.goto("/labs/cross-service")
        page.screenshot(path=str(artifacts_dir / f"csp-lab-{theme}.png"), full_page=True)
    assert violations == [], violations


def post_run(base_url: str, body: dict) -> dict:
    request = urllib.request.Request(
        f"{base_url}/api/v1/simulations", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def normalize_in_page(page: Page, report: dict) -> dict:
    return page.evaluate(
        """async ([path, report]) => {
            const model = await import(path);
            const run = model.normalizeRun(report, report.durationSeconds);
            return { series: run.series, transitions: run.transitions, calls: run.calls };
        }""",
        [MODEL, report],
    )


def test_the_model_reads_a_real_api_response_by_its_own_names(page: Page, base_url: str):
    page.goto("/simulator")
    report = post_run(base_url, {"preset": "inventory-outage", "seed": 3, "durationSeconds": 60, "includeCalls": True})
    run = normalize_in_page(page, report)
    series = report["series"]
    assert run["series"]["t"] == [bucket["t"] for bucket in series]
    assert run["series"]["failureRate"] == [bucket["failureRate"] for bucket in series]
    assert run["series"]["firstTries"] == [bucket["downstreamFirstTries"] for bucket in series]
    assert run["series"]["callerP99"] == [bucket["callerLatencyP99Ms"] for bucket in series]
    assert run["series"]["state"] == [bucket["breakerState"] for bucket in series]
    assert [item["t"] for item in run["transitions"]] == [item["t"] for item in report["transitions"]]
    assert [call["outcome"] for call in run["calls"]] == [call["outcome"] for call in report["calls"]]
    assert [call["t"] for call in run["calls"]] == [call["t"] for call in report["calls"]]


def test_a_failure_rate_under_one_percent_is_drawn_as_it_is(page: Page, base_url: str):
    page.goto("/simulator")
    report = post_run(base_url, {
        "preset": "inventory-outage", "seed": 5, "durationSeconds": 60,
        "overrides": {"fault.outages": [], "inventory.errorPercent": 0.3, "retry.enabled": False,
                      "breaker.slidingWindowSize": 2000},
    })
    rates = [bucket["failureRate"] for bucket in report["series"]]
    assert 0 < max(rates) < 1, max(rates)
    run = normalize_in_page(page, report)
    assert run["series"]["failureRate"] == rates  # percentages as sent, never multiplied by 100


def test_an_unknown_outcome_is_an_error_not_a_failure(page: Page, base_url: str):
    page.goto("/simulator")
    message = page.evaluate(
        """async (path) => {
            const model = await import(path);
            try { model.normalizeOutcome('exploded'); return 'accepted'; } catch (error) { return error.message; }
        }""",
        MODEL,
    )
    assert "unknown call outcome" in message
