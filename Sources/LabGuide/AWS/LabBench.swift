import AWSClient
import ArgumentParser
import Foundation
import LabChecks
import LabContent

/// What the lab benchmarks share: one warm runtime, the lab, and a fresh learner per run.
struct LabBench {
    let runtime: AWSRuntime
    let lab: Lab

    init(options: AWSOptions, labs: String, labID: String) throws {
        runtime = try AWSRuntime.make(configuration: options.makeConfiguration())
        guard let lab = try LabLibrary.load(from: URL(fileURLWithPath: labs)).lab(id: labID) else {
            throw ValidationError("no lab '\(labID)' in \(labs)")
        }
        self.lab = lab
    }

    /// A learner `lg-<stem><run>-<4 random>-`, so reruns against the same emulator never collide.
    func makeAccount(run: Int, stem: String) throws -> LearnerAccount {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        let suffix = String((0..<4).map { _ in alphabet.randomElement() ?? "x" })
        let handle = "\(stem)\(run)-\(suffix)"
        return try LearnerAccount(
            runtime: runtime, prefix: "lg-\(handle)-", handle: handle, labID: lab.id, accountID: "123456789012",
            region: runtime.region)
    }

    func plan(for account: LearnerAccount) -> [PlannedResource] {
        let variables = lab.variables(
            prefix: account.prefix, handle: account.handle, region: account.region, accountId: account.accountID)
        return ProvisionPlan.make(for: lab, variables: variables)
    }

    static func time(_ body: () async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        let elapsed = start.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// An empty zip archive (its end-of-central-directory record only): enough for the emulator's CreateFunction.
    static let emptyZip = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
}
