#!/usr/bin/env bash
# Verify benchmark (issue 10), each figure next to its anchor measured in the same run:
#   1. A step's whole Verify on the sandbox emulator, every step of a finished lab, $ROUNDS rounds: p50 and p99.
#      Goal: the answer within a second.
#   2. The create-queues step (8 checks) against the same checks as a shell script, one `aws` process per call.
#   3. What "check as I go" costs: CPU per step verified, and what a class of 200 checking every 15 s adds up to.
#      HobbyFarm polls every 10 s; ours must cost little enough to allow it.
# Needs: .build/release/labguide, moto_server, aws (awscli), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
LABGUIDE=${LABGUIDE:-.build/release/labguide}
ROUNDS=${VERIFY_BENCH_ROUNDS:-5}

for command in "$LABGUIDE" moto_server aws python3; do
    command -v "$command" >/dev/null 2>&1 || [ -x "$command" ] || { echo "verify bench: missing command: $command" >&2; exit 1; }
done

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
HOME_DIR=$(mktemp -d)
moto_server -H 127.0.0.1 -p "$PORT" >/dev/null 2>&1 &
MOTO_PID=$!
# moto_server ignores SIGTERM; SIGINT stops it.
trap 'kill -INT $MOTO_PID 2>/dev/null || true; sleep 0.2; kill -KILL $MOTO_PID 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/moto-api/" && break
    sleep 0.1
done

ENDPOINT="http://127.0.0.1:$PORT"
export HOME="$HOME_DIR" AWS_ACCESS_KEY_ID=AKIABENCHMARK0000000 AWS_SECRET_ACCESS_KEY=bench-secret
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1

read -r p50 p99 queues cpu count < <("$LABGUIDE" aws bench-verify --endpoint-url "$ENDPOINT" --labs labs --rounds "$ROUNDS")
# The shell-script anchor checks the same learner's queues (bench-verify's learner is lg-verify0-…).
prefix=$(aws --endpoint-url "$ENDPOINT" sqs list-queues --queue-name-prefix lg-verify0- --query 'QueueUrls[0]' --output text \
    | sed -E 's#.*/(lg-verify0-[a-z0-9]{4}-).*#\1#')
read -r cli_seconds cli_calls < <(bash scripts/bench/verify/awscli_check.sh "$ENDPOINT" "$prefix")
py() { python3 -c "import sys; print($1)" "${@:2}"; }
echo "verify.step_verifies=$count"
echo "verify.step_p50_ms=$(py '"%.1f" % (float(sys.argv[1]) * 1000)' "$p50") (goal: the answer within 1000 ms)"
echo "verify.step_p99_ms=$(py '"%.1f" % (float(sys.argv[1]) * 1000)' "$p99") (goal < 1000)"
echo "verify.create_queues_ms=$(py '"%.1f" % (float(sys.argv[1]) * 1000)' "$queues") (8 checks, concurrent)"
echo "verify.create_queues_awscli_ms=$(py '"%.1f" % (float(sys.argv[1]) * 1000)' "$cli_seconds") ($cli_calls aws processes, one after another)"
echo "verify.speedup_vs_shell_checks=$(py '"%.1f" % (float(sys.argv[1]) / float(sys.argv[2]))' "$cli_seconds" "$queues")"
echo "verify.cpu_ms_per_step_verify=$(py '"%.2f" % (float(sys.argv[1]) * 1000)' "$cpu")"
echo "verify.check_as_i_go_200_learners_every_15s_cores=$(py '"%.3f" % (float(sys.argv[1]) * 200 / 15)' "$cpu") (of one core, LabGuide's side; HobbyFarm polls every 10 s)"
