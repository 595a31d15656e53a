import AWSClient
import Foundation
import Testing

/// Every v4 case of both official suites. No case is skipped: the four that botocore's own harness skips
/// (`normalize-path/get-space`, `get-vanilla-query-order-key-case`, `get-vanilla-query-order-key`,
/// `get-vanilla-query-order-value`) pass here because the signer sorts by name then value and encodes the wire path.
@Suite("SigV4 official vectors")
struct SigV4VectorTests {
    static let signingDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    struct Context: Decodable {
        struct Credentials: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Credentials
        let region: String
        let service: String
        let timestamp: String
        let normalize: Bool
        let sign_body: Bool
        let omit_session_token: Bool?
        let expiration_in_seconds: Int
    }

    @Test("the vector folders exist and hold the expected number of cases")
    func vectorFoldersArePresent() throws {
        #expect(try SignatureVectorCase.awsCommonRuntimeCases().count == 38)
        #expect(try SignatureVectorCase.botocoreCases().count == 34)
    }

    @Test("the timestamp in the vectors is the one the tests sign with")
    func timestampMatches() throws {
        let context = try decodeContext(SignatureVectorCase.awsCommonRuntimeCases()[0])
        let parsed = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        #expect(parsed == Self.signingDate)
    }

    @Test("aws-c-auth v4, Authorization header", arguments: try SignatureVectorCase.awsCommonRuntimeCases())
    func awsCommonRuntimeHeaderSigning(_ vector: SignatureVectorCase) throws {
        let context = try decodeContext(vector)
        var request = try RawHTTPRequestParser.parse(vector.read("request.txt"))
        let result = makeSigner(context).signHeaders(
            &request, date: Self.signingDate, addsContentHashHeader: context.sign_body,
            omitsSessionToken: context.omit_session_token ?? false)
        #expect(result.canonicalRequest == (try vector.read("header-canonical-request.txt")))
        #expect(result.stringToSign == (try vector.read("header-string-to-sign.txt")))
        #expect(result.signature == (try vector.read("header-signature.txt")).trimmed)
        let expectedAuthorization = try vector.read("header-signed-request.txt")
            .split(separator: "\n").first { $0.hasPrefix("Authorization:") }?.dropFirst("Authorization:".count)
        #expect(request.headers["Authorization"] == expectedAuthorization.map(String.init))
    }

    @Test("aws-c-auth v4, presigned query", arguments: try SignatureVectorCase.awsCommonRuntimeCases())
    func awsCommonRuntimeQuerySigning(_ vector: SignatureVectorCase) throws {
        let context = try decodeContext(vector)
        var request = try RawHTTPRequestParser.parse(vector.read("request.txt"))
        let result = makeSigner(context).presign(
            &request, date: Self.signingDate, expiresInSeconds: context.expiration_in_seconds,
            omitsSessionToken: context.omit_session_token ?? false)
        #expect(result.canonicalRequest == (try vector.read("query-canonical-request.txt")))
        #expect(result.stringToSign == (try vector.read("query-string-to-sign.txt")))
        #expect(result.signature == (try vector.read("query-signature.txt")).trimmed)
        #expect(request.queryItems.last?.value == result.signature)
    }

    @Test("botocore aws4_testsuite", arguments: try SignatureVectorCase.botocoreCases())
    func botocoreSigning(_ vector: SignatureVectorCase) throws {
        let baseName = String(vector.name.split(separator: "/").last ?? "")
        var request = try RawHTTPRequestParser.parse(vector.read("\(baseName).req"))
        let expectedCanonical = try vector.read("\(baseName).creq")
        let token = expectedCanonical.split(separator: "\n")
            .first { $0.hasPrefix("x-amz-security-token:") }
            .map { String($0.dropFirst("x-amz-security-token:".count)) }
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                sessionToken: token),
            region: "us-east-1", signingName: "service")
        let result = signer.signHeaders(&request, date: Self.signingDate)
        #expect(result.canonicalRequest == expectedCanonical)
        #expect(result.stringToSign == (try vector.read("\(baseName).sts")))
        #expect(request.headers["Authorization"] == (try vector.read("\(baseName).authz")).trimmed)
    }

    private func decodeContext(_ vector: SignatureVectorCase) throws -> Context {
        try JSONDecoder().decode(Context.self, from: Data(vector.read("context.json").utf8))
    }

    private func makeSigner(_ context: Context) -> SigV4Signer {
        SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: context.credentials.access_key_id,
                secretAccessKey: context.credentials.secret_access_key,
                sessionToken: context.credentials.token),
            region: context.region, signingName: context.service, normalizesPath: context.normalize)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
