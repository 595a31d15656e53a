import AWSClient
import ArgumentParser
import Foundation

/// Hidden: signatures per second, for `scripts/bench/aws.sh`.
struct BenchSignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sign", abstract: "Measure SigV4 signatures per second.", shouldDisplay: false)

    @Option(help: "Signatures to make.") var count = 200_000

    func run() {
        print(String(format: "%.0f", SigningBenchmark.run(count: count)))
    }
}

/// Hidden: wall time of N sequential GetCallerIdentity calls in one warm process, for `scripts/bench/aws.sh`.
struct BenchCallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-calls", abstract: "Time sequential STS GetCallerIdentity calls.", shouldDisplay: false)

    @OptionGroup var options: AWSOptions
    @Option(help: "Calls to make after one warm-up call.") var count = 1000

    func run() async throws {
        do {
            let runtime = try AWSRuntime.make(configuration: options.makeConfiguration())
            let sts = STSClient(runtime: runtime)
            _ = try await sts.getCallerIdentity()
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<count { _ = try await sts.getCallerIdentity() }
            let elapsed = start.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(String(format: "%.4f", seconds))
        } catch {
            throw failWithOneLine("bench-calls", error)
        }
    }
}
