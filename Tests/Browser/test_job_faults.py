"""Faults with real processes: kill -9 in the middle of provisioning, moto killed under a job, and cleanup with the
whole class in one account (as on a real AWS account), which must stay inside each learner's prefix."""

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import boto3
import pytest

from conftest import REPO, free_port, join_api
from jobs_api import check_lines, start, verify_step, wait_for_job

BINARY = Path(os.environ.get("LABGUIDE_BIN", REPO / ".build/debug/labguide"))


def serve(database: Path, port: int, *flags: str, environment: dict | None = None) -> subprocess.Popen:
    log = open(database.with_suffix(".log"), "a")
    env = dict(os.environ, LABGUIDE_JOB_LEASE_SECONDS="2", **(environment or {}))
    process = subprocess.Popen(
        [str(BINARY), "serve", "--port", str(port), "--database", str(database), "--labs", "labs", *flags],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/sandbox", timeout=1) as response:
                if json.load(response)["state"] in ("ready", "account"):
                    return process
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"labguide serve did not start:\n{database.with_suffix('.log').read_text()}")


def start_moto(port: int) -> subprocess.Popen:
    process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    raise AssertionError("moto_server did not start")


def moto_client(service: str, port: int):
    return boto3.client(service, endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def account_environment(moto_port: int) -> dict:
    return {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{moto_port}", "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "2"}


def test_kill_9_in_the_middle_of_provisioning_resumes_without_duplicates(tmp_path):
    database, port, sandbox_port = tmp_path / "crash.sqlite", free_port(), free_port()
    flags = ("--sandbox", "--sandbox-port", str(sandbox_port))
    server = serve(database, port, *flags)
    base = f"http://127.0.0.1:{port}"
    cookie = join_api(base, "Crash Test")
    job = start(base, cookie, "provision")["job"]
    interrupted = 0
    for delay in (0.05, 0.2, 0.4):
        time.sleep(delay)
        server.send_signal(signal.SIGKILL)
        server.wait()
        server = serve(database, port, *flags)
        interrupted += 1
    try:
        finished = wait_for_job(base, job["id"], cookie, timeout=180)
        assert finished["state"] == "completed", finished
        resources = finished["result"]["resources"]
        assert len(resources) == 7
        assert len({resource["name"] for resource in resources}) == 7
        # Counted in the emulator: each resource exists once, whichever attempt created it.
        preview = wait_for_job(base, start(base, cookie, "cleanup", {"dryRun": True})["job"]["id"], cookie)
        names = [item["name"] for item in preview["result"]["planned"]]
        assert sorted(names) == sorted(resource["name"] for resource in resources)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_cleanup_in_a_shared_account_stays_inside_the_learners_prefix(tmp_path):
    moto_port, port = free_port(), free_port()
    moto = start_moto(moto_port)
    server = serve(tmp_path / "shared.sqlite", port, "--account-id", "123456789012",
                   environment=account_environment(moto_port))
    base = f"http://127.0.0.1:{port}"
    try:
        ana, bo = join_api(base, "Ana"), join_api(base, "Bo")
        for cookie in (ana, bo):
            assert wait_for_job(base, start(base, cookie, "provision")["job"]["id"], cookie)["state"] == "completed"
        sqs, sns = moto_client("sqs", moto_port), moto_client("sns", moto_port)
        sqs.create_queue(QueueName="unprefixed-orders")
        sns.create_topic(Name="lg-shared-topic")
        ana_prefix = json.load(urllib.request.urlopen(urllib.request.Request(
            f"{base}/api/v1/session", headers={"Cookie": ana})))["learner"]["prefix"]
        sqs.create_queue(QueueName=f"{ana_prefix}by-hand")

        result = wait_for_job(base, start(base, ana, "cleanup", {"dryRun": False})["job"]["id"], ana)
        assert result["state"] == "completed", result
        assert result["result"]["leftovers"] == []
        queues = [url.rsplit("/", 1)[1] for url in sqs.list_queues().get("QueueUrls", [])]
        assert "unprefixed-orders" in queues and f"{ana_prefix}by-hand" not in queues
        roles = {role["RoleName"] for role in moto_client("iam", moto_port).list_roles()["Roles"]}
        assert not any(name.startswith(ana_prefix) for name in roles)
        assert sum(1 for name in roles if name.startswith("lg-bo-")) == 3, "Bo's roles survive Ana's cleanup"
        assert any(topic["TopicArn"].endswith(":lg-shared-topic") for topic in sns.list_topics()["Topics"])
    finally:
        server.terminate()
        server.wait(timeout=20)
        moto.kill()


def test_a_dead_emulator_fails_the_job_with_one_line_naming_the_endpoint_then_recovers(tmp_path):
    moto_port, port = free_port(), free_port()
    moto = start_moto(moto_port)
    server = serve(tmp_path / "down.sqlite", port, "--account-id", "123456789012",
                   environment=account_environment(moto_port))
    base = f"http://127.0.0.1:{port}"
    try:
        cookie = join_api(base, "Down")
        moto.kill()
        moto.wait()
        failed = wait_for_job(base, start(base, cookie, "provision")["job"]["id"], cookie, timeout=180)
        assert failed["state"] == "discarded", failed
        assert len(failed["errors"]) == failed["maxAttempts"] == 5, "retried with backoff, then given up"
        message = failed["errors"][-1]["message"]
        assert "\n" not in message and f"127.0.0.1:{moto_port}" in message, message
        moto = start_moto(moto_port)
        time.sleep(16)  # the endpoint's breaker waits 15 s before it lets a probe through
        recovered = wait_for_job(base, start(base, cookie, "provision")["job"]["id"], cookie)
        assert recovered["state"] == "completed", [error["message"][-160:] for error in recovered["errors"]]
    finally:
        server.terminate()
        server.wait(timeout=20)
        moto.kill()


def test_verify_with_the_emulator_down_ends_in_errors_within_the_budget_never_failures(tmp_path):
    moto_port, port = free_port(), free_port()
    moto = start_moto(moto_port)
    server = serve(tmp_path / "verify-down.sqlite", port, "--account-id", "123456789012",
                   environment=account_environment(moto_port))
    base = f"http://127.0.0.1:{port}"
    try:
        cookie = join_api(base, "Verify Down")
        moto.kill()
        moto.wait()
        started = time.monotonic()
        down = verify_step(base, cookie, "create-topics", timeout=30)
        assert time.monotonic() - started < 12, "every check ends within its 8 s budget"
        assert down["state"] == "incomplete", check_lines(down)
        assert [check["status"] for check in down["checks"]] == ["error"] * 3, check_lines(down)
        for check in down["checks"]:
            assert "\n" not in check["observed"] and "try again" in check["observed"], check["observed"]
        # Once the endpoint's breaker has opened, Verify fails fast and says when to try again.
        for _ in range(5):
            again = verify_step(base, cookie, "create-topics", timeout=30)
            assert all(check["status"] == "error" for check in again["checks"]), check_lines(again)
            waiting = [check for check in again["checks"] if check.get("retryAfterSeconds")]
            if waiting:
                break
        assert waiting, check_lines(again)
        assert all(f"try again in {check['retryAfterSeconds']} s" in check["observed"] for check in waiting)
        moto = start_moto(moto_port)
        time.sleep(16)  # the endpoint's breaker waits 15 s before it lets a probe through
        back = verify_step(base, cookie, "create-topics", timeout=30)
        assert back["state"] == "failed" and all(c["status"] == "failed" for c in back["checks"]), check_lines(back)
    finally:
        server.terminate()
        server.wait(timeout=20)
        moto.kill()
