import AWSClient
import ArgumentParser
import Foundation

/// Options every `labguide aws` subcommand shares. Each flag falls back to `LABGUIDE_<FLAG>`, then to the standard
/// AWS settings (`AWS_PROFILE`, `AWS_REGION`, `AWS_ENDPOINT_URL`…).
struct AWSOptions: ParsableArguments {
    @Option(help: "Profile from ~/.aws/config and ~/.aws/credentials (default: $LABGUIDE_PROFILE, then AWS_PROFILE).")
    var profile: String?

    @Option(help: "Region (default: $LABGUIDE_REGION, then AWS_REGION, AWS_DEFAULT_REGION, the profile).")
    var region: String?

    @Option(help: "Send every service to this endpoint, e.g. a sandbox (default: $LABGUIDE_ENDPOINT_URL).")
    var endpointURL: String?

    @Option(help: "Seconds to wait for a connection (default: $LABGUIDE_CONNECT_TIMEOUT, then 3).")
    var connectTimeout: Double?

    @Option(help: "Seconds to wait for an answer (default: $LABGUIDE_REQUEST_TIMEOUT, then 10).")
    var requestTimeout: Double?

    /// Resolves the configuration with the flags applied over the environment.
    func makeConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AWSConfiguration
    {
        func value(_ flag: String?, _ name: String) -> String? {
            flag ?? environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        var configuration = try AWSConfiguration.resolve(
            environment: AWSEnvironment(environment), profileName: value(profile, "LABGUIDE_PROFILE"),
            region: value(region, "LABGUIDE_REGION"))
        if let text = value(endpointURL, "LABGUIDE_ENDPOINT_URL") {
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw AWSError(
                    kind: .invalidConfiguration, code: "InvalidConfiguration",
                    message: "--endpoint-url is not an http(s) URL: '\(text)'")
            }
            configuration.globalEndpointOverride = url
        }
        if let seconds = try seconds(connectTimeout, environment["LABGUIDE_CONNECT_TIMEOUT"], flag: "--connect-timeout") {
            configuration.connectTimeout = seconds
        }
        if let seconds = try seconds(requestTimeout, environment["LABGUIDE_REQUEST_TIMEOUT"], flag: "--request-timeout") {
            configuration.requestTimeout = seconds
        }
        return configuration
    }

    private func seconds(_ flag: Double?, _ environmentValue: String?, flag name: String) throws -> Duration? {
        guard let value = flag ?? environmentValue.flatMap(Double.init) else { return nil }
        guard value > 0 else {
            throw AWSError(kind: .invalidConfiguration, code: "InvalidConfiguration", message: "\(name) must be positive")
        }
        return .milliseconds(Int64(value * 1000))
    }
}

/// Prints one line to standard error and exits 1: the shape every `labguide aws` failure takes.
func failWithOneLine(_ command: String, _ error: any Error) -> ExitCode {
    let message = (error as? AWSError)?.description ?? "\(error)"
    FileHandle.standardError.write(Data("labguide aws \(command): \(message)\n".utf8))
    return ExitCode(1)
}
