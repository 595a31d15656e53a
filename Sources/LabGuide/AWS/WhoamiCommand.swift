import AWSClient
import ArgumentParser

/// `labguide aws whoami`: the account, ARN, region, endpoint and credential source; never the secret.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the AWS account, ARN, region, endpoint and where the credentials came from.",
        discussion: "Exits 1 with one line naming the problem when there are no credentials or AWS refuses them."
    )

    @OptionGroup var options: AWSOptions

    func run() async throws {
        do {
            let runtime = try AWSRuntime.make(configuration: options.makeConfiguration())
            let report = try await IdentityReport.make(runtime: runtime)
            for line in report.lines { print(line) }
        } catch {
            throw failWithOneLine("whoami", error)
        }
    }
}
