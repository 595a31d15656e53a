#!/usr/bin/env bash
# Provision and cleanup benchmarks (issue 9), each figure next to its anchor measured in the same run:
#   1. Provisioning the cross-service lab's base on moto: labguide (one warm process, median of $RUNS fresh
#      learners) vs the same calls made the seed's way, one `aws` CLI process per call, against the same moto.
#      Goal: at least 20x faster.
#   2. Cleanup of a learner who finished the whole lab: scan, remove in dependency order, scan again; the time and
#      the number of resources removed (and left, which should be 0).
# Needs: .build/release/labguide, moto_server, aws (awscli), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
LABGUIDE=${LABGUIDE:-.build/release/labguide}
RUNS=${PROVISION_BENCH_RUNS:-5}

for command in "$LABGUIDE" moto_server aws python3; do
    command -v "$command" >/dev/null 2>&1 || [ -x "$command" ] || { echo "provision bench: missing command: $command" >&2; exit 1; }
done

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
HOME_DIR=$(mktemp -d)
MOTO_LOG=$(mktemp)
moto_server -H 127.0.0.1 -p "$PORT" >"$MOTO_LOG" 2>&1 &
MOTO_PID=$!
# moto_server ignores SIGTERM; SIGINT stops it.
trap 'kill -INT $MOTO_PID 2>/dev/null || true; sleep 0.2; kill -KILL $MOTO_PID 2>/dev/null || true; rm -rf "$HOME_DIR" "$MOTO_LOG"' EXIT
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/moto-api/" && break
    sleep 0.1
done

ENDPOINT="http://127.0.0.1:$PORT"
export HOME="$HOME_DIR" AWS_ACCESS_KEY_ID=AKIABENCHMARK0000000 AWS_SECRET_ACCESS_KEY=bench-secret
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
# awscli 1.x ignores AWS_ENDPOINT_URL for some services: every call passes --endpoint-url, and no proxy is used.
export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.1f' % (a / b))" "$1" "$2"; }

# 1. Provisioning the base.
read -r ours_seconds resources < <("$LABGUIDE" aws bench-provision --endpoint-url "$ENDPOINT" --labs labs --runs "$RUNS")
read -r cli_seconds cli_calls < <(bash scripts/bench/provision/awscli_provision.sh "$ENDPOINT" "lg-cli0-abcd-")
echo "provision.resources=$resources"
echo "provision.labguide_seconds=$ours_seconds"
echo "provision.awscli_calls=$cli_calls"
echo "provision.awscli_seconds=$cli_seconds"
echo "provision.speedup_vs_awscli=$(ratio "$cli_seconds" "$ours_seconds") (goal >= 20)"

# 2. Cleanup of a learner who finished the lab.
read -r cleanup_seconds removed left < <("$LABGUIDE" aws bench-cleanup --endpoint-url "$ENDPOINT" --labs labs)
echo "cleanup.labguide_seconds=$cleanup_seconds"
echo "cleanup.resources_removed=$removed"
echo "cleanup.resources_left=$left"
