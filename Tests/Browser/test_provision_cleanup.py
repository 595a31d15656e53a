"""Provision and clean up through the API against the sandbox, checked with the learner's own CLI."""

import json
import threading

from conftest import join_api
from jobs_api import get_json, post_json, start, wait_for_job
from lab_shell import blocked_environment, run_bash, sandbox_lines, status

# What the lab's provision: section creates, counted the learner's way.
COUNTS = {
    "roles": "aws iam list-roles --query \"length(Roles[?starts_with(RoleName, '{p}')])\" --output text",
    "log groups": "aws logs describe-log-groups --log-group-name-prefix {p} --query 'length(logGroups)' --output text",
    "security groups": "aws ec2 describe-security-groups --filters Name=group-name,Values={p}services --query 'length(SecurityGroups)' --output text",
    "clusters": "aws ecs describe-clusters --clusters {p}cluster --query \"length(clusters[?status=='ACTIVE'])\" --output text",
    "namespaces": "aws servicediscovery list-namespaces --query \"length(Namespaces[?Name=='{p}local'])\" --output text",
}


def count_resources(base_url, cookie, prefix, tmp_path) -> dict:
    lines = sandbox_lines(base_url, cookie)
    environment = blocked_environment(tmp_path / "home", status(base_url, cookie)["endpoint"])
    script = lines + "\n" + "\n".join(f"echo \"{name}=$({command.format(p=prefix)})\"" for name, command in COUNTS.items())
    completed = run_bash(script, environment, tmp_path)
    assert completed.returncode == 0, completed.stderr
    return {line.split("=")[0]: int(line.split("=")[1]) for line in completed.stdout.splitlines() if "=" in line}


def learner_prefix(base_url, cookie) -> str:
    return get_json(base_url, "/api/v1/session", cookie)[1]["learner"]["prefix"]


def test_provision_creates_the_base_once_and_cleanup_removes_it(base_url, tmp_path):
    cookie = join_api(base_url, "Provisioner")
    prefix = learner_prefix(base_url, cookie)

    # Two clicks at once: one job.
    answers = []
    clicks = [threading.Thread(target=lambda: answers.append(start(base_url, cookie, "provision"))) for _ in range(2)]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    assert answers[0]["job"]["id"] == answers[1]["job"]["id"]
    assert sorted(answer["isNew"] for answer in answers) == [False, True]

    job = wait_for_job(base_url, answers[0]["job"]["id"], cookie)
    assert job["state"] == "completed", job
    created = [resource for resource in job["result"]["resources"] if resource["outcome"] == "created"]
    assert len(created) == 7
    assert job["progress"]["completed"] == job["progress"]["total"] == 7
    assert count_resources(base_url, cookie, prefix, tmp_path) == {
        "roles": 3, "log groups": 1, "security groups": 1, "clusters": 1, "namespaces": 1}

    rerun = wait_for_job(base_url, start(base_url, cookie, "provision")["job"]["id"], cookie)
    assert rerun["result"]["summary"] == "Everything was already in place: nothing created."
    assert count_resources(base_url, cookie, prefix, tmp_path)["roles"] == 3

    preview = wait_for_job(base_url, start(base_url, cookie, "cleanup", {"dryRun": True})["job"]["id"], cookie)
    planned = {item["name"] for item in preview["result"]["planned"]}
    assert {f"{prefix}cluster", f"{prefix}ecs-execution", f"{prefix}local"} <= planned
    assert all(name.startswith(prefix) for name in planned)
    assert count_resources(base_url, cookie, prefix, tmp_path)["clusters"] == 1, "a dry run deletes nothing"

    cleanup = wait_for_job(base_url, start(base_url, cookie, "cleanup", {"dryRun": False})["job"]["id"], cookie)
    assert cleanup["state"] == "completed", cleanup
    assert cleanup["result"]["leftovers"] == []
    assert cleanup["result"]["summary"].startswith("Nothing left")
    assert count_resources(base_url, cookie, prefix, tmp_path) == {
        "roles": 0, "log groups": 0, "security groups": 0, "clusters": 0, "namespaces": 0}


def test_jobs_are_private_and_bad_input_is_refused(base_url):
    owner = join_api(base_url, "Owner")
    other = join_api(base_url, "Other")
    job = start(base_url, owner, "cleanup", {"dryRun": True})["job"]
    assert get_json(base_url, f"/api/v1/jobs/{job['id']}", other)[0] == 404
    assert get_json(base_url, f"/api/v1/jobs/{job['id']}", "")[0] in (401, 404)
    assert post_json(base_url, f"/api/v1/jobs/{job['id']}/cancel", other)[0] == 404
    assert post_json(base_url, "/api/v1/labs/no-such-lab/provision", owner)[0] == 404
    status, body = post_json(base_url, "/api/v1/labs/cross-service/provision", "")
    assert status == 401 and "Join first" in body["error"]["message"]


def test_browser_provisions_and_cleans_up_with_live_progress(page, join, artifacts_dir):
    from playwright.sync_api import expect

    prefix = join(page, "Panel Learner")
    page.goto("/labs/cross-service")
    provision = page.locator("#provision")
    provision.get_by_role("button", name="Provision the base infrastructure").click()
    # The panel follows the job over SSE: the progress bar appears, then the result, without a reload.
    expect(provision.locator(".job-summary")).to_have_text("Created 7 of 7 resources.", timeout=30000)
    expect(provision.locator(".job-items").last).to_contain_text(f"{prefix}cluster: created")

    cleanup = page.locator("#cleanup")
    cleanup.get_by_role("button", name="Preview what would be deleted").click()
    expect(cleanup.locator(".job-summary")).to_have_text("7 resources would be deleted.", timeout=30000)
    expect(cleanup.locator(".job-items").first).to_contain_text(f"ECS cluster {prefix}cluster")
    for theme in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        cleanup.screenshot(path=artifacts_dir / f"cleanup-preview-{theme}.png")
    cleanup.get_by_role("button", name="Delete these 7 resources").click()
    expect(cleanup.locator(".job-summary")).to_have_text("Nothing left: deleted 7 resources.", timeout=60000)

    # After a reload the page still shows how the last job ended.
    page.reload()
    expect(page.locator("#cleanup .job-summary")).to_have_text("Nothing left: deleted 7 resources.")


def test_without_javascript_the_overview_forms_run_the_jobs(browser, base_url, join, artifacts_dir):
    from playwright.sync_api import expect

    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    join(page, "No Script")
    page.goto("/labs/cross-service")
    page.locator("#provision").get_by_role("button", name="Provision the base infrastructure").click()
    # The page refreshes itself while the job runs, then shows the result.
    expect(page.locator("#provision .job-status")).to_have_text("Created 7 of 7 resources.", timeout=30000)
    context.close()


def test_cancelling_a_running_provision_stops_it_and_the_preview_shows_what_exists(base_url):
    cookie = join_api(base_url, "Canceller")
    job = start(base_url, cookie, "provision")["job"]
    # A new sandbox account takes the emulator a moment to set up, so the job is still at its first resources.
    status, cancelled = post_json(base_url, f"/api/v1/jobs/{job['id']}/cancel", cookie)
    assert status == 200, cancelled
    finished = wait_for_job(base_url, job["id"], cookie)
    assert finished["state"] == "cancelled", finished
    assert finished["progress"]["completed"] < 7
    preview = wait_for_job(base_url, start(base_url, cookie, "cleanup", {"dryRun": True})["job"]["id"], cookie)
    assert len(preview["result"]["planned"]) < 7, "the job stopped before creating everything"
