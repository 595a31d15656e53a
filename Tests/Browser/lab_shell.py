"""A learner's terminal for the tests: the sandbox lines and the lab's bash blocks, taken from the rendered pages
exactly as the copy button gives them, run in bash with every non-loopback address blocked."""

import html
import json
import os
import re
import select
import subprocess
import time
from urllib.parse import urlparse

from conftest import get_text

BLOCK = re.compile(r'<figure class="code" data-language="bash">.*?<code[^>]*>(.*?)</code>', re.S)


FOLDED = re.compile(r"<details class=\"(?:hint|solution)\">.*?</details>", re.S)


def bash_blocks(page_html: str) -> list[str]:
    """The text of each bash block a learner runs, as `copy-code.js` copies it (the code element's text).

    Blocks folded into hints and solutions are left out: they are for a learner who is stuck, or on a real account."""
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in BLOCK.findall(FOLDED.sub("", page_html))]


def sandbox_lines(base_url: str, cookie: str) -> str:
    blocks = [b for b in bash_blocks(get_text(base_url, "/labs/cross-service/steps/set-up-your-shell", cookie))
              if "AWS_ACCESS_KEY_ID=" in b]
    assert len(blocks) == 1
    return blocks[0]


def blocked_environment(home, sandbox_endpoint: str) -> dict:
    """No route out: proxies point at a closed port, NO_PROXY holds only the sandbox, ~/.aws has decoy keys."""
    (home / ".aws").mkdir(parents=True, exist_ok=True)
    (home / ".aws" / "credentials").write_text(
        "[default]\naws_access_key_id = AKIAREALACCOUNTKEY01\naws_secret_access_key = realsecret\n")
    host = urlparse(sandbox_endpoint).hostname
    closed = "http://127.0.0.1:9"
    return {
        "HOME": str(home), "PATH": os.environ["PATH"], "LANG": "C.UTF-8",
        "HTTPS_PROXY": closed, "HTTP_PROXY": closed, "https_proxy": closed, "http_proxy": closed,
        "NO_PROXY": host, "no_proxy": host, "AWS_MAX_ATTEMPTS": "1",
    }


def run_bash(script: str, environment: dict, cwd, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", script], env=environment, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def status(base_url: str, cookie: str) -> dict:
    return json.loads(get_text(base_url, "/api/v1/sandbox", cookie))


class BashSession:
    """One long-lived `bash`, as a learner's terminal: shell variables set by one step's commands are there for the
    next. Each `run` sends a script and waits for its end marker; stderr goes to a file so the trace can be read."""

    def __init__(self, environment: dict, cwd, stderr_path):
        self.cwd = str(cwd)
        self.stderr = open(stderr_path, "w+")
        self.process = subprocess.Popen(["bash", "--noprofile", "--norc"], env=environment, cwd=cwd, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, bufsize=1)
        self.count = 0

    def run(self, script: str, timeout: float = 600) -> str:
        """The script's stdout; the script runs in this shell (not a subshell), so its variables persist."""
        self.count += 1
        marker = f"__labguide_done_{self.count}__"
        # A heredoc-safe hand-over: the script is sourced from a file, so its own quoting and heredocs are untouched.
        script_file = os.path.join(self.cwd, ".labguide-step.sh")
        with open(script_file, "w") as handle:
            handle.write(script + "\n")
        self.process.stdin.write(f"source {script_file} </dev/null\necho {marker}\n")
        self.process.stdin.flush()
        lines = []
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"step script {self.count} did not finish within {timeout} s")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if not ready:
                continue
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"bash ended during step script {self.count}")
            if line.strip() == marker:
                return "".join(lines)
            lines.append(line)

    def stderr_text(self) -> str:
        self.stderr.flush()
        self.stderr.seek(0)
        return self.stderr.read()

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        self.stderr.close()
