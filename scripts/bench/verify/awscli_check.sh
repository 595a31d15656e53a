#!/usr/bin/env bash
# The anchor for Verify: the create-queues step checked the way shell-script checks do it (Instruqt's check-<host>,
# Killercoda's verify.sh), one `aws` CLI process per call, one check after another, against the same moto.
# Usage: awscli_check.sh ENDPOINT PREFIX; prints the seconds taken and the number of CLI calls.
set -uo pipefail
endpoint=$1
prefix=$2
calls=0
start=$(date +%s.%N)
for queue in order-processing inventory notification analytics; do
    url=$(aws --endpoint-url "$endpoint" sqs get-queue-url --queue-name "$prefix$queue" --query QueueUrl --output text 2>/dev/null)
    calls=$((calls + 1))
    aws --endpoint-url "$endpoint" sqs get-queue-attributes --queue-url "$url" \
        --attribute-names VisibilityTimeout RedrivePolicy --output text >/dev/null 2>&1
    calls=$((calls + 1))
    dlq=$(aws --endpoint-url "$endpoint" sqs get-queue-url --queue-name "$prefix$queue-dlq" --query QueueUrl --output text 2>/dev/null)
    calls=$((calls + 1))
    aws --endpoint-url "$endpoint" sqs get-queue-attributes --queue-url "$dlq" --attribute-names QueueArn \
        --output text >/dev/null 2>&1
    calls=$((calls + 1))
done
end=$(date +%s.%N)
python3 -c "import sys; print('%.4f %d' % (float(sys.argv[2]) - float(sys.argv[1]), int(sys.argv[3])))" "$start" "$end" "$calls"
