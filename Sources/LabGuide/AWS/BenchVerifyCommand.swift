import AWSClient
import ArgumentParser
import Foundation
import LabChecks
import LabContent

/// Hidden: builds the account of a learner who finished the lab, then verifies every step with checks `rounds`
/// times in one warm process, as the verify job does; prints what `scripts/bench/verify.sh` reports.
///
/// Output, one line: p50 and p99 seconds of a step's whole Verify, the p50 of the create-queues step (the anchor's
/// step), CPU seconds per step verified, and the number of step verifies measured.
struct BenchVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-verify", abstract: "Time Verify of every step of a finished lab.", shouldDisplay: false)

    @OptionGroup var options: AWSOptions
    @Option(help: "The labs directory.") var labs = "labs"
    @Option(help: "How many times each step is verified.") var rounds = 5

    func run() async throws {
        do {
            let bench = try LabBench(options: options, labs: labs, labID: "cross-service")
            let account = try bench.makeAccount(run: 0, stem: "verify")
            _ = try await ResourceProvisioner(account: account).ensureAll(bench.plan(for: account))
            try await FinishedLabWork.create(prefix: account.prefix, runtime: account.runtime, zipFile: LabBench.emptyZip)
            let variables = bench.lab.variables(builtins: [
                .prefix: account.prefix, .handle: account.handle, .region: account.region,
                .accountId: account.accountID, .sqsEndpoint: options.endpointURL,
            ])
            // The sandbox's view: checks it cannot answer end at once, as they do for learners there.
            let runner = CheckRunner(
                environment: CheckEnvironment(account: account, isSandbox: true, prices: bench.lab.prices))
            let steps = bench.lab.steps.filter { !$0.checks.isEmpty }
            var all: [Double] = []
            var queues: [Double] = []
            let cpuBefore = Self.cpuSeconds()
            for _ in 0..<rounds {
                for step in steps {
                    let checks = CheckPlan.make(for: step, variables: variables)
                    let seconds = try await LabBench.time { _ = await runner.run(checks) }
                    all.append(seconds)
                    if step.id == "create-queues" { queues.append(seconds) }
                }
            }
            let cpu = (Self.cpuSeconds() - cpuBefore) / Double(max(1, all.count))
            print(
                String(
                    format: "%.4f %.4f %.4f %.5f %d", Self.percentile(all, 0.5), Self.percentile(all, 0.99),
                    Self.percentile(queues, 0.5), cpu, all.count))
        } catch {
            throw failWithOneLine("bench-verify", error)
        }
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
    }

    /// User and system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
