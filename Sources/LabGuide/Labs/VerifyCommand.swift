import AWSClient
import ArgumentParser
import Foundation
import LabContent
import LabJobs
import LabStore

/// `labguide verify`: the same Verify as the step page's button, for one step, an exercise or the whole lab.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a learner's resources against a lab's steps.",
        discussion: """
            Runs the same job as the Verify button and records the attempts the learner and instructor see; works \
            while a server runs on the same database. Exits 1 when a check failed, 2 when nothing failed but some \
            check could not be answered (the target's fault: try again), and 0 otherwise.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @OptionGroup var options: LabJobOptions

    @Option(help: "The learner's handle, such as ana-7f3k.")
    var learner: String

    @Option(help: "Verify this step only.")
    var step: String?

    @Option(help: "Verify every step of this exercise.")
    var exercise: String?

    @Flag(help: "Verify every step of the lab.")
    var all = false

    @Option(help: "table or json.")
    var format: Format = .table

    func validate() throws {
        guard [step != nil, exercise != nil, all].count(where: { $0 }) == 1 else {
            throw ValidationError("give exactly one of --step, --exercise or --all")
        }
    }

    func run() async throws {
        let (database, lab, queue, registry) = try await options.prepare()
        let learner = try await options.learner(learner, in: database)
        let (steps, scope) = try selection(in: lab)
        let started = try await VerifyRequests(queue: queue).start(
            learnerID: learner.id ?? 0, lab: lab, steps: steps, scope: scope)
        let finished = try await runPrinting(started.job, queue: queue, registry: registry, label: "verify", quiet: true)
        guard finished.state == .completed else { throw jobFailure(finished, label: "verify") }
        let attempts = try await database.verifyAttempts(jobID: started.job.id)
        let results = try await database.checkResults(attemptIDs: attempts.map(\.id))
        let report = VerifyReport(lab: lab, learner: learner, attempts: attempts, results: results)
        switch format {
        case .table: print(report.table)
        case .json: print(try report.json())
        }
        if attempts.contains(where: { $0.state == .failed }) { throw ExitCode(1) }
        if attempts.contains(where: { $0.state == .incomplete }) { throw ExitCode(2) }
    }

    private func selection(in lab: Lab) throws -> ([Step], VerifyRequests.Scope) {
        if let step {
            guard let found = lab.step(id: step) else {
                throw CommandFailure("the lab \(lab.id) has no step \(step)")
            }
            guard !found.checks.isEmpty else { throw CommandFailure("the step \(step) has nothing for Verify to check") }
            return ([found], .step(found.id))
        }
        if let exercise {
            guard let found = lab.exercises.first(where: { $0.id == exercise }) else {
                throw CommandFailure(
                    "the lab \(lab.id) has no exercise \(exercise) (exercises: "
                        + lab.exercises.map(\.id).joined(separator: ", ") + ")")
            }
            return (found.steps, .exercise(found.id))
        }
        return (lab.steps, .upTo(lab.steps.last?.id ?? ""))
    }
}
