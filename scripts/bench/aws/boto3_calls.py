"""Anchor for the call benchmark: N sequential STS GetCallerIdentity calls with boto3 in a warm process (one
warm-up call first), printing the seconds the N calls took. Endpoint and credentials come from the environment."""
import sys
import time

import boto3

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
sts = boto3.client("sts")
sts.get_caller_identity()
start = time.perf_counter()
for _ in range(count):
    sts.get_caller_identity()
print("%.4f" % (time.perf_counter() - start))
