import Crypto
public import Foundation

/// Signs requests with AWS Signature Version 4. A small value type with the date passed in, so that tests can compare
/// exact strings against the official vectors.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The signing name (scope service): `monitoring` for CloudWatch, `servicediscovery` for Cloud Map, and so on.
    public var signingName: String
    /// Remove `.`/`..`/`//` path segments before signing; every service but S3 does.
    public var normalizesPath: Bool
    /// Encode the wire path once more; every service but S3 does, which makes their paths double-encoded.
    public var encodesPathTwice: Bool

    /// Headers that proxies and HTTP stacks rewrite, so signing them would break the signature.
    static let unsignedHeaderNames: Set<String> = [
        "user-agent", "expect", "connection", "transfer-encoding", "x-amzn-trace-id", "authorization",
    ]
    static let algorithm = "AWS4-HMAC-SHA256"

    public init(
        credentials: AWSCredentials,
        region: String,
        signingName: String,
        normalizesPath: Bool = true,
        encodesPathTwice: Bool = true
    ) {
        self.credentials = credentials
        self.region = region
        self.signingName = signingName
        self.normalizesPath = normalizesPath
        self.encodesPathTwice = encodesPathTwice
    }

    /// The intermediate strings of one signature, kept for tests and for diagnosing `SignatureDoesNotMatch`.
    public struct Signature: Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var signedHeaderNames: String
    }

    /// Adds `X-Amz-Date`, the session token (unless `omitsSessionToken`), optionally `x-amz-content-sha256`, and the
    /// `Authorization` header.
    @discardableResult
    public func signHeaders(
        _ request: inout AWSHTTPRequest,
        date: Date,
        addsContentHashHeader: Bool = false,
        omitsSessionToken: Bool = false
    ) -> Signature {
        let timestamp = SigningTimestamp(date)
        let payloadHash = Self.hexSHA256(request.body)
        request.headers.replaceOrAdd(name: "X-Amz-Date", value: timestamp.full)
        if let token = credentials.sessionToken, !omitsSessionToken {
            request.headers.replaceOrAdd(name: "X-Amz-Security-Token", value: token)
        }
        if addsContentHashHeader {
            request.headers.replaceOrAdd(name: "x-amz-content-sha256", value: payloadHash)
        }
        let result = makeSignature(request, timestamp: timestamp, payloadHash: payloadHash)
        if let token = credentials.sessionToken, omitsSessionToken {
            request.headers.replaceOrAdd(name: "X-Amz-Security-Token", value: token)
        }
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(timestamp)), "
            + "SignedHeaders=\(result.signedHeaderNames), Signature=\(result.signature)"
        request.headers.replaceOrAdd(name: "Authorization", value: authorization)
        return result
    }

    func scope(_ timestamp: SigningTimestamp) -> String {
        "\(timestamp.day)/\(region)/\(signingName)/aws4_request"
    }

    /// Builds the canonical request, the string to sign and the signature for a request whose headers and query are
    /// already final.
    func makeSignature(_ request: AWSHTTPRequest, timestamp: SigningTimestamp, payloadHash: String) -> Signature {
        let (canonicalHeaders, signedHeaderNames) = Self.canonicalHeaders(request)
        let canonicalRequest = [
            request.method,
            canonicalPath(request.path),
            Self.canonicalQuery(request.queryItems),
            canonicalHeaders,
            signedHeaderNames,
            payloadHash,
        ].joined(separator: "\n")
        let stringToSign = [
            Self.algorithm, timestamp.full, scope(timestamp), Self.hexSHA256(Data(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let key = signingKey(day: timestamp.day)
        let signature = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
        return Signature(
            canonicalRequest: canonicalRequest,
            stringToSign: stringToSign,
            signature: Self.hex(signature),
            signedHeaderNames: signedHeaderNames
        )
    }

    /// `HMAC("AWS4"+secret, day)` → region → service → `aws4_request`.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, signingName, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key))
        }
        return key
    }

    func canonicalPath(_ path: String) -> String {
        let normalized = normalizesPath ? URIEncoding.normalizePath(path) : (path.isEmpty ? "/" : path)
        return encodesPathTwice ? URIEncoding.encode(normalized, keepsSlashes: true) : normalized
    }
}
