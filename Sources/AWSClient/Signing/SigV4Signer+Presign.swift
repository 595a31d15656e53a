public import Foundation

extension SigV4Signer {
    /// Signs in the query string (a presigned URL): the `X-Amz-*` parameters go into the query, the signature last.
    @discardableResult
    public func presign(
        _ request: inout AWSHTTPRequest,
        date: Date,
        expiresInSeconds: Int,
        omitsSessionToken: Bool = false
    ) -> Signature {
        let timestamp = SigningTimestamp(date)
        var signingRequest = request
        let (_, signedNames) = Self.canonicalHeaders(request)
        var added: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(timestamp))"),
            ("X-Amz-Date", timestamp.full),
            ("X-Amz-SignedHeaders", signedNames),
            ("X-Amz-Expires", String(expiresInSeconds)),
        ]
        if let token = credentials.sessionToken, !omitsSessionToken {
            added.append(("X-Amz-Security-Token", token))
        }
        signingRequest.queryItems += added
        let result = makeSignature(signingRequest, timestamp: timestamp, payloadHash: Self.hexSHA256(request.body))
        if let token = credentials.sessionToken, omitsSessionToken {
            signingRequest.queryItems.append(("X-Amz-Security-Token", token))
        }
        signingRequest.queryItems.append(("X-Amz-Signature", result.signature))
        request = signingRequest
        return result
    }
}
