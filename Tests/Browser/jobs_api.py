"""Small clients for the job endpoints, shared by the provision, cleanup and crash tests."""

import json
import time
import urllib.error
import urllib.request


def post_json(base_url: str, path: str, cookie: str, body: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{base_url}{path}", data=json.dumps(body or {}).encode(), method="POST",
        headers={"Content-Type": "application/json", "Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def get_json(base_url: str, path: str, cookie: str) -> tuple[int, dict]:
    request = urllib.request.Request(f"{base_url}{path}", headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


FINISHED = {"completed", "discarded", "cancelled"}


def wait_for_job(base_url: str, job_id: int, cookie: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = get_json(base_url, f"/api/v1/jobs/{job_id}", cookie)
        if status == 200 and body["state"] in FINISHED:
            return body
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish within {timeout} s: {body}")


def start(base_url: str, cookie: str, what: str, body: dict | None = None) -> dict:
    status, answer = post_json(base_url, f"/api/v1/labs/cross-service/{what}", cookie, body)
    assert status in (200, 202), answer
    return answer


def verify_step(base_url: str, cookie: str, step: str, timeout: float = 60) -> dict:
    """Clicks Verify on a step through the API and returns the finished attempt with its check results."""
    status, answer = post_json(base_url, f"/api/v1/labs/cross-service/steps/{step}/verify", cookie)
    assert status in (200, 202), answer
    attempt_id = answer["attempts"][0]["id"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, attempt = get_json(base_url, f"/api/v1/verify-attempts/{attempt_id}", cookie)
        assert status == 200, attempt
        if attempt["state"] != "running":
            return attempt
        time.sleep(0.1)
    raise AssertionError(f"Verify of {step} did not finish within {timeout} s")


def check_lines(attempt: dict) -> str:
    """Each check of an attempt on one line, for assertion messages."""
    return "\n".join(f"  {c['status']}: {c['summary']}: {c.get('observed') or ''}" for c in attempt["checks"])
