import AWSClient
import ArgumentParser
import Foundation
import LabChecks
import LabContent

/// Hidden: provisions a lab's base for `runs` fresh learners in one warm process and prints the median seconds,
/// for `scripts/bench/provision.sh`.
struct BenchProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-provision", abstract: "Time provisioning a lab's base for fresh learners.", shouldDisplay: false)

    @OptionGroup var options: AWSOptions
    @Option(help: "The labs directory.") var labs = "labs"
    @Option(help: "The lab whose provision: to run.") var lab = "cross-service"
    @Option(help: "Learners to provision (each with a new prefix); the median is printed.") var runs = 5

    func run() async throws {
        do {
            let bench = try LabBench(options: options, labs: labs, labID: lab)
            var times: [Double] = []
            for run in 0..<runs {
                let account = try bench.makeAccount(run: run, stem: "prov")
                let plan = bench.plan(for: account)
                let seconds = try await LabBench.time {
                    _ = try await ResourceProvisioner(account: account).ensureAll(plan)
                }
                times.append(seconds)
            }
            print(String(format: "%.4f %d", times.sorted()[times.count / 2], bench.lab.provision.count))
        } catch {
            throw failWithOneLine("bench-provision", error)
        }
    }
}

/// Hidden: builds the account of a learner who finished the lab, then times dry-run scan, cleanup and the final
/// scan; prints seconds, resources removed and resources left.
struct BenchCleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-cleanup", abstract: "Time cleaning up a learner who finished the lab.", shouldDisplay: false)

    @OptionGroup var options: AWSOptions
    @Option(help: "The labs directory.") var labs = "labs"

    func run() async throws {
        do {
            let bench = try LabBench(options: options, labs: labs, labID: "cross-service")
            let account = try bench.makeAccount(run: 0, stem: "done")
            _ = try await ResourceProvisioner(account: account).ensureAll(bench.plan(for: account))
            try await FinishedLabWork.create(prefix: account.prefix, runtime: account.runtime, zipFile: LabBench.emptyZip)
            var removed = 0
            var left = 0
            let scanner = AccountScanner(account: account, prices: bench.lab.prices)
            let seconds = try await LabBench.time {
                let found = try await scanner.scan()
                let removals = await ResourceRemover(account: account).removeAll(found.resources)
                removed = removals.filter { $0.failure == nil }.count
                left = try await scanner.scan().resources.count
            }
            print(String(format: "%.4f %d %d", seconds, removed, left))
        } catch {
            throw failWithOneLine("bench-cleanup", error)
        }
    }
}
