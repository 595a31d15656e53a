/// The wire protocols the lab's services speak (from botocore's service models).
public enum WireProtocol: Sendable, Hashable {
    /// Form-encoded `Action=…&Version=…` requests with XML replies (STS, IAM, SNS, CloudWatch, CloudFormation).
    case query(version: String)
    /// `POST /` with `X-Amz-Target: <prefix>.<Operation>` and `application/x-amz-json-<version>`.
    case json(version: String, targetPrefix: String)
    /// REST paths with JSON bodies (App Mesh, Lambda, X-Ray, VPC Lattice).
    case restJSON
}
