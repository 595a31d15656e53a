public import Foundation

/// Settings that shape the running server, gathered by the CLI from flags and `LABGUIDE_*` variables.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The AWS region learners' commands are rendered with.
    public var region: String
    /// The AWS account id once known (always known for the sandbox); commands show a placeholder until then.
    public var accountID: String?
    /// Where `Public/` and `Templates/` live; the working directory by default.
    public var resourcesDirectory: URL
    /// Marks cookies `Secure`: set when the server sits behind HTTPS.
    public var usesSecureCookies: Bool
    /// How long a learner stays signed in on one browser.
    public var sessionLifetime: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, region: String = "us-east-1", accountID: String? = nil,
        resourcesDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        usesSecureCookies: Bool = false, sessionLifetime: Duration = .seconds(30 * 24 * 3600)
    ) {
        self.host = host
        self.port = port
        self.region = region
        self.accountID = accountID
        self.resourcesDirectory = resourcesDirectory
        self.usesSecureCookies = usesSecureCookies
        self.sessionLifetime = sessionLifetime
    }

    var publicDirectory: URL { resourcesDirectory.appendingPathComponent("Public") }
    var templatesDirectory: URL { resourcesDirectory.appendingPathComponent("Templates") }
}
