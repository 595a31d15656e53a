/// Something that hands out credentials, caching and refreshing them as it sees fit.
public protocol CredentialProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

/// Fixed credentials (environment variables, a profile's keys, the sandbox).
public struct StaticCredentialProvider: CredentialProvider {
    public let value: AWSCredentials

    public init(_ value: AWSCredentials) {
        self.value = value
    }

    public func credentials() async throws -> AWSCredentials { value }
}

/// Where the credentials in use came from, as `whoami` prints it.
public struct CredentialSource: Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    public static let environment = CredentialSource("environment")
    public static func profile(_ name: String) -> CredentialSource { CredentialSource("profile \(name)") }
    public static func assumeRole(profile: String) -> CredentialSource {
        CredentialSource("assume role (profile \(profile))")
    }
    public static let webIdentity = CredentialSource("web identity")
    public static let container = CredentialSource("container")
    public static let instance = CredentialSource("instance (EC2 metadata)")
    public static let explicit = CredentialSource("explicit")
}
