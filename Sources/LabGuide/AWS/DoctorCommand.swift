import AWSClient
import ArgumentParser

/// `labguide aws doctor`: one line per service the labs use, with endpoint, reachability, authorisation and latency.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Probe every AWS service the labs use with a cheap read call.",
        discussion:
            "Probes run in parallel, are not retried, and stop at the request timeout, so a dead endpoint fails within seconds."
    )

    @OptionGroup var options: AWSOptions

    func run() async throws {
        let results: [EndpointDoctor.Result]
        let account: String?
        do {
            var configuration = try options.makeConfiguration()
            configuration.maxAttempts = 1
            let runtime = try AWSRuntime.make(configuration: configuration)
            results = await EndpointDoctor(runtime: runtime).run()
            account = try? await STSClient(runtime: runtime).getCallerIdentity().account
            print("Profile \(configuration.profileName), region \(runtime.region), credentials from \(runtime.credentialSource)")
        } catch {
            throw failWithOneLine("doctor", error)
        }
        let nameWidth = results.map(\.name.count).max() ?? 0
        let endpointWidth = results.map(\.endpoint.count).max() ?? 0
        for result in results { print(result.line(nameWidth: nameWidth, endpointWidth: endpointWidth)) }
        print("Target looks like \(EndpointDoctor.describeTarget(results: results, account: account)).")
        if results.contains(where: { !$0.isReachable || $0.isAuthorized == false }) { throw ExitCode(1) }
    }
}
