"""The sandbox lines from the set-up page, pasted into bash, reach the sandbox for every service the lab uses.

Every call runs with HTTP(S)_PROXY pointed at a closed loopback port and NO_PROXY limited to the sandbox, and with
real-looking credentials in ~/.aws: a command that tried to reach AWS would fail loudly instead of leaving the
machine, and one that used the ~/.aws keys would land in moto's default account, which the sandbox refuses.
"""

import html
import re
import subprocess
from urllib.parse import urlparse

from conftest import get_text, join_api

# One read per service the lab's steps call, each answering with something the learner's account owns or sees.
SERVICE_COMMANDS = {
    "sts": "aws sts get-caller-identity --query Account --output text",
    "sqs": "aws sqs create-queue --queue-name {prefix}shell-check --query QueueUrl --output text",
    "sns": "aws sns create-topic --name {prefix}shell-check --query TopicArn --output text",
    "iam": "aws iam list-roles --query 'length(Roles)' --output text",
    "ec2": "aws ec2 describe-vpcs --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text",
    "logs": "aws logs describe-log-groups --query 'length(logGroups)' --output text",
    "ecs": "aws ecs create-cluster --cluster-name {prefix}shell-check --query cluster.clusterArn --output text",
    "servicediscovery": "aws servicediscovery list-namespaces --query 'length(Namespaces)' --output text",
    "appmesh": "aws appmesh create-mesh --mesh-name {prefix}shell-check --query mesh.metadata.arn --output text",
    "dynamodb": "aws dynamodb list-tables --query 'length(TableNames)' --output text",
    "lambda": "aws lambda list-functions --query 'length(Functions)' --output text",
    "cloudwatch": "aws cloudwatch list-dashboards --query 'length(DashboardEntries)' --output text",
    "xray": "aws xray get-trace-summaries --start-time 1700000000 --end-time 1700000060 --query 'length(TraceSummaries)' --output text",
}


def code_blocks(page_html: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in re.findall(r"<code[^>]*>(.*?)</code>", page_html, re.S)]


def shell_lines_from(page_html: str) -> str:
    blocks = [block for block in code_blocks(page_html) if "AWS_ACCESS_KEY_ID=" in block]
    assert len(blocks) == 1, f"expected one block of sandbox lines, found {len(blocks)}"
    return blocks[0]


def isolated_environment(tmp_path, endpoint: str) -> dict:
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        "[default]\naws_access_key_id = AKIAREALACCOUNTKEY01\naws_secret_access_key = realsecret\n")
    (home / ".aws" / "config").write_text("[default]\nregion = ap-southeast-2\n")
    host = urlparse(endpoint).hostname
    return {
        "HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin:" + __import__("os").environ["PATH"],
        "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9",
        "NO_PROXY": host, "no_proxy": host,
    }


def run_in_bash(script: str, environment: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", script], env=environment, capture_output=True, text=True, timeout=120)


def test_shell_lines_reach_the_sandbox_for_every_service(base_url, tmp_path):
    cookie = join_api(base_url, "Shell Tester")
    step_lines = shell_lines_from(get_text(base_url, "/labs/cross-service/steps/set-up-your-shell", cookie))
    panel_lines = shell_lines_from(get_text(base_url, "/sandbox", cookie))
    assert step_lines == panel_lines, "the set-up step and the sandbox panel must show the same lines"
    status = __import__("json").loads(get_text(base_url, "/api/v1/sandbox", cookie))
    prefix = __import__("json").loads(get_text(base_url, "/api/v1/session", cookie))["learner"]["prefix"]
    environment = isolated_environment(tmp_path, status["endpoint"])

    results = {}
    for service, command in SERVICE_COMMANDS.items():
        completed = run_in_bash(step_lines + "\n" + command.format(prefix=prefix), environment)
        results[service] = completed
        assert completed.returncode == 0, f"{service}: {completed.stderr.strip()}"
    assert results["sts"].stdout.strip() == status["accountId"]
    assert results["sqs"].stdout.strip() == f"{status['endpoint']}/{status['accountId']}/{prefix}shell-check"
    assert f":{status['accountId']}:" in results["sns"].stdout
    assert results["ec2"].stdout.strip().startswith("vpc-")


def test_without_the_lines_the_same_commands_cannot_leave_the_machine(base_url, tmp_path):
    """The control: the proxy trick really catches a call bound for AWS (here SQS, which the 1.x CLI sends to
    queue.amazonaws.com even with AWS_ENDPOINT_URL set)."""
    cookie = join_api(base_url, "Control")
    status = __import__("json").loads(get_text(base_url, "/api/v1/sandbox", cookie))
    environment = isolated_environment(tmp_path, status["endpoint"])
    environment["AWS_ENDPOINT_URL"] = status["endpoint"]
    completed = run_in_bash("aws sqs list-queues --region us-east-1", environment)
    assert completed.returncode != 0
    assert "proxy" in completed.stderr.lower()
