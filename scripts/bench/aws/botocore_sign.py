"""Anchor for the signing benchmark: botocore's SigV4Auth signing the same SQS JSON request, signatures per second."""
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
signer = SigV4Auth(credentials, "sqs", "us-east-1")
start = time.perf_counter()
for _ in range(count):
    request = AWSRequest(
        method="POST", url="https://sqs.us-east-1.amazonaws.com/", data=b'{"MaxResults":10}',
        headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS.ListQueues"})
    signer.add_auth(request)
elapsed = time.perf_counter() - start
print("%.0f" % (count / elapsed))
