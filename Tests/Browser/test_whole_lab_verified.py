"""Follow the whole lab as a learner: every step's bash blocks, copied from the rendered pages and run in one bash
session against the sandbox with outbound traffic blocked, each step verified before its commands run (it must fail,
naming what is missing) and after (every check the sandbox can answer must pass); the wrap-up's own commands clean
up, its Verify finds nothing left, and a Clean up job agrees, checked with the learner's own CLI."""

import json

from conftest import get_text, join_api
from jobs_api import check_lines, start, verify_step, wait_for_job
from lab_shell import BashSession, bash_blocks, blocked_environment, sandbox_lines, status, run_bash

# moto never brings ECS services to a steady state (it runs no tasks), so a waiter would poll for ten minutes:
# in this test `aws … wait …` returns at once. Everything else runs as written.
NO_WAITERS = 'aws() { if [ "$2" = wait ]; then return 0; fi; command aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }'

LEFTOVER_QUERIES = {
    "queues": "aws sqs list-queues --queue-name-prefix {p} --query 'length(QueueUrls || `[]`)' --output text",
    "topics": "aws sns list-topics --query \"length(Topics[?contains(TopicArn, ':{p}')])\" --output text",
    "tables": "aws dynamodb list-tables --query \"length(TableNames[?starts_with(@, '{p}')])\" --output text",
    "functions": "aws lambda list-functions --query \"length(Functions[?starts_with(FunctionName, '{p}')])\" --output text",
    "roles": "aws iam list-roles --query \"length(Roles[?starts_with(RoleName, '{p}')])\" --output text",
    "alarms": "aws cloudwatch describe-alarms --alarm-name-prefix {p} --query 'length(MetricAlarms)' --output text",
    "dashboards": "aws cloudwatch list-dashboards --dashboard-name-prefix {p} --query 'length(DashboardEntries)' --output text",
    # Deleted clusters stay listed as INACTIVE, as on AWS: count the active ones.
    "clusters": "aws ecs describe-clusters --clusters {p}cluster --query \"length(clusters[?status=='ACTIVE'])\" --output text",
    "meshes": "aws appmesh list-meshes --query \"length(meshes[?starts_with(meshName, '{p}')])\" --output text",
    "namespaces": "aws servicediscovery list-namespaces --query \"length(Namespaces[?starts_with(Name, '{p}')])\" --output text",
    "log groups": "aws logs describe-log-groups --log-group-name-prefix {p} --query 'length(logGroups)' --output text",
    "security groups": "aws ec2 describe-security-groups --filters Name=group-name,Values='{p}*' --query 'length(SecurityGroups)' --output text",
}


def context_of(text: str, marker: str) -> str:
    lines = text.splitlines()
    hits = [index for index, line in enumerate(lines) if marker in line][:3]
    return "\n---\n".join("\n".join(lines[max(0, hit - 6):hit + 1]) for hit in hits)


def count_left(lines, environment, prefix, cwd) -> dict:
    script = lines + "\n" + "\n".join(
        f"echo \"{name}=$({query.format(p=prefix)})\"" for name, query in LEFTOVER_QUERIES.items())
    completed = run_bash(script, environment, cwd)
    assert completed.returncode == 0, completed.stderr
    return {line.split("=")[0]: int(line.split("=")[1]) for line in completed.stdout.splitlines() if "=" in line}


def supported(step: dict) -> bool:
    return any(check["supportedByEmulator"] for check in step["checks"])


def test_the_whole_lab_by_hand_verified_step_by_step(base_url, lab_detail, tmp_path):
    cookie = join_api(base_url, "Hands On")
    prefix = json.loads(get_text(base_url, "/api/v1/session", cookie))["learner"]["prefix"]
    lines = sandbox_lines(base_url, cookie)
    environment = blocked_environment(tmp_path / "home", status(base_url, cookie)["endpoint"])
    work = tmp_path / "work"
    work.mkdir()
    shell = BashSession(environment, work, tmp_path / "trace.log")
    problems = []
    before_wrap_up = None
    try:
        # Traced, so a command that tries to leave the machine can be named.
        shell.run("\n".join([lines, NO_WAITERS, "set -x"]))
        for exercise in lab_detail["exercises"]:
            if exercise["id"] == "wrap-up":
                before_wrap_up = count_left(lines, environment, prefix, work)
            for step in exercise["steps"]:
                blocks = bash_blocks(get_text(base_url, f"/labs/cross-service/steps/{step['id']}", cookie))
                if supported(step) and blocks:
                    before = verify_step(base_url, cookie, step["id"])
                    failed = [c for c in before["checks"] if c["status"] == "failed"]
                    if before["state"] != "failed" or not any(prefix in (c["observed"] or "") for c in failed):
                        problems.append(f"{step['id']} before its commands: {before['state']}\n{check_lines(before)}")
                # The set-up step's own lines define `aws` again: the no-waiters wrapper goes back after every step.
                shell.run("\n".join(blocks + [NO_WAITERS]))
                if step["checks"]:
                    after = verify_step(base_url, cookie, step["id"])
                    wrong = [c for c in after["checks"] if c["status"] not in ("passed", "unsupported")]
                    if wrong:
                        problems.append(f"{step['id']} after its commands: {after['state']}\n{check_lines(after)}")
        trace = shell.stderr_text()
    finally:
        shell.close()
    escapes = [line for line in trace.splitlines() if "Failed to connect to proxy" in line]
    assert not escapes, "a lab command tried to leave the machine:\n" + context_of(trace, "Failed to connect")
    assert not problems, "\n\n".join(problems)

    # The lab's commands really built things in every service they use.
    assert all(before_wrap_up[kind] > 0 for kind in ("queues", "topics", "tables", "functions", "roles", "alarms",
                                                     "clusters", "meshes", "namespaces")), before_wrap_up
    # The wrap-up's own commands removed everything; the Clean up job finds nothing more to do.
    cleanup = wait_for_job(base_url, start(base_url, cookie, "cleanup", {"dryRun": False})["job"]["id"], cookie,
                           timeout=300)
    assert cleanup["state"] == "completed", cleanup
    assert cleanup["result"]["leftovers"] == [], cleanup["result"]["leftovers"]
    assert count_left(lines, environment, prefix, work) == {kind: 0 for kind in LEFTOVER_QUERIES}
