#!/usr/bin/env bash
# The cross-service base made the seed's way: one `aws` process per call, the same calls (reads, then creates) that
# labguide's provisioner makes on a fresh account. Prints "<seconds> <calls>".
# Usage: awscli_provision.sh ENDPOINT PREFIX
set -euo pipefail
ENDPOINT=$1
P=$2
E=(--endpoint-url "$ENDPOINT" --output text)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
calls=0
run() { calls=$((calls + 1)); aws "$@" "${E[@]}" >"$WORK/out" 2>/dev/null || true; }
trust() { echo "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"$1\"},\"Action\":\"sts:AssumeRole\"}]}"; }
TAGS=(Key=labguide:learner,Value=cli Key=labguide:lab,Value=cross-service)
start=$(python3 -c 'import time; print(time.perf_counter())')
for role in ecs-execution ecs-task; do
    run iam get-role --role-name "$P$role"
    run iam create-role --role-name "$P$role" --assume-role-policy-document "$(trust ecs-tasks.amazonaws.com)" --tags "${TAGS[@]}"
    run iam put-role-policy --role-name "$P$role" --policy-name "cross-service-$role" \
        --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:PutLogEvents"],"Resource":"*"}]}'
done
run iam get-role --role-name "${P}circuit-breaker-role"
run iam create-role --role-name "${P}circuit-breaker-role" --assume-role-policy-document "$(trust lambda.amazonaws.com)" --tags "${TAGS[@]}"
run logs describe-log-groups --log-group-name-prefix "${P}cross-service"
run logs create-log-group --log-group-name "${P}cross-service" --tags labguide:learner=cli,labguide:lab=cross-service
run logs describe-log-groups --log-group-name-prefix "${P}cross-service"
calls=$((calls + 1)); VPC=$(aws ec2 describe-vpcs "${E[@]}" --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId')
run ec2 describe-security-groups --filters "Name=group-name,Values=${P}services" "Name=vpc-id,Values=$VPC"
calls=$((calls + 1)); SG=$(aws ec2 create-security-group "${E[@]}" --group-name "${P}services" --vpc-id "$VPC" \
    --description "Cross-service lab" --query GroupId \
    --tag-specifications "ResourceType=security-group,Tags=[{Key=labguide:learner,Value=cli}]")
run ec2 authorize-security-group-ingress --group-id "$SG" --protocol tcp --port 8080 --source-group "$SG"
run servicediscovery list-namespaces
calls=$((calls + 1)); OP=$(aws servicediscovery create-http-namespace "${E[@]}" --name "${P}local" --query OperationId)
run servicediscovery get-operation --operation-id "$OP"
run ecs describe-clusters --clusters "${P}cluster"
run ecs create-cluster --cluster-name "${P}cluster" --tags key=labguide:learner,value=cli
end=$(python3 -c 'import time; print(time.perf_counter())')
python3 -c "import sys; print('%.4f %d' % (float(sys.argv[2]) - float(sys.argv[1]), int(sys.argv[3])))" "$start" "$end" "$calls"
