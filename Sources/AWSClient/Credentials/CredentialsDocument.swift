import Foundation

/// The JSON document served by the container endpoint and by IMDS (`AccessKeyId`, `SecretAccessKey`, `Token`,
/// `Expiration` as ISO 8601).
struct CredentialsDocument: Decodable {
    let AccessKeyId: String?
    let SecretAccessKey: String?
    let Token: String?
    let Expiration: String?
    let Code: String?
    let Message: String?

    func makeCredentials(source: String) throws -> AWSCredentials {
        if let Code, Code != "Success" {
            throw AWSError.makeNoCredentials("\(source) refused credentials: \(Code) \(Message ?? "")")
        }
        guard let AccessKeyId, let SecretAccessKey else {
            throw AWSError.makeNoCredentials("\(source) answered without AccessKeyId/SecretAccessKey")
        }
        return AWSCredentials(
            accessKeyID: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: Token,
            expiration: Expiration.flatMap(Self.parseDate))
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    static func decode(_ data: Data, source: String) throws -> AWSCredentials {
        let document: CredentialsDocument
        do {
            document = try JSONDecoder().decode(CredentialsDocument.self, from: data)
        } catch {
            throw AWSError.makeInvalidResponse(
                "\(source) did not answer with a credentials document", body: Array(data), statusCode: nil,
                service: nil, operation: nil)
        }
        return try document.makeCredentials(source: source)
    }
}
