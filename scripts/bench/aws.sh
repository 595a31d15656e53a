#!/usr/bin/env bash
# AWS client benchmarks (issue 3), each figure next to its anchor measured in the same run:
#   1. SigV4 signatures per second: labguide vs botocore's SigV4Auth.
#   2. `labguide aws whoami` vs `aws sts get-caller-identity`: median wall time against the same moto.
#   3. 1,000 sequential GetCallerIdentity calls in a warm process: labguide vs boto3, same moto.
# Needs: .build/release/labguide (swift build -c release --product labguide), moto_server, aws (awscli), boto3.
set -euo pipefail
cd "$(dirname "$0")/../.."
LABGUIDE=${LABGUIDE:-.build/release/labguide}
HERE=scripts/bench/aws
CALLS=${AWS_BENCH_CALLS:-1000}
RUNS=${AWS_BENCH_RUNS:-5}

for command in "$LABGUIDE" moto_server aws python3; do
    command -v "$command" >/dev/null 2>&1 || [ -x "$command" ] || { echo "aws bench: missing command: $command" >&2; exit 1; }
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

export HOME="$HOME_DIR" AWS_ACCESS_KEY_ID=AKIABENCHMARK0000000 AWS_SECRET_ACCESS_KEY=bench-secret
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="http://127.0.0.1:$PORT" AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.2f' % (a / b))" "$1" "$2"; }

# 1. Signing rate.
ours_sign=$("$LABGUIDE" aws bench-sign --count 200000)
boto_sign=$(python3 "$HERE/botocore_sign.py" 20000)
echo "aws.sign.labguide_per_second=$ours_sign"
echo "aws.sign.botocore_per_second=$boto_sign"
echo "aws.sign.speedup_vs_botocore=$(ratio "$ours_sign" "$boto_sign")"

# 2. One-shot CLI wall time (median of $RUNS, after one warm-up of each).
median_seconds() {
    python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print("%.4f" % statistics.median(times))
PY
}
ours_whoami=$(median_seconds "$RUNS" "$LABGUIDE" aws whoami)
cli_whoami=$(median_seconds "$RUNS" aws sts get-caller-identity)
echo "aws.whoami.labguide_seconds=$ours_whoami"
echo "aws.whoami.awscli_seconds=$cli_whoami"
echo "aws.whoami.time_ratio_labguide_over_awscli=$(ratio "$ours_whoami" "$cli_whoami")"

# 3. Sequential calls in a warm process.
ours_calls=$("$LABGUIDE" aws bench-calls --count "$CALLS")
boto_calls=$(python3 "$HERE/boto3_calls.py" "$CALLS")
echo "aws.calls.count=$CALLS"
echo "aws.calls.labguide_seconds=$ours_calls"
echo "aws.calls.boto3_seconds=$boto_calls"
echo "aws.calls.time_ratio_labguide_over_boto3=$(ratio "$ours_calls" "$boto_calls")"
