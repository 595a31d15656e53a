import Foundation

/// Measures how many SigV4 signatures per second this machine makes, for `make bench`.
public enum SigningBenchmark {
    /// Signs `count` typical JSON-protocol requests and returns signatures per second.
    public static func run(count: Int) -> Double {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", signingName: "sqs")
        let template = AWSHTTPRequest(
            method: "POST", host: "sqs.us-east-1.amazonaws.com", path: "/",
            headers: HTTPHeaders([
                ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "AmazonSQS.ListQueues"),
            ]),
            body: Data(#"{"MaxResults":10}"#.utf8))
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        let clock = ContinuousClock()
        let start = clock.now
        var checksum = 0
        for _ in 0..<count {
            var request = template
            checksum &+= signer.signHeaders(&request, date: date).signature.utf8.count
        }
        let elapsed = start.duration(to: clock.now).timeInterval
        return checksum > 0 ? Double(count) / elapsed : 0
    }
}
