import ArgumentParser
import Foundation
import LabContent
import LabJobs
import LabStore

/// `labguide cleanup`: everything a learner (or every learner) created in a lab, through the cleanup job.
struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup", abstract: "Delete what learners created in a lab (only names with their prefix).",
        discussion: "Runs the same job as the Clean up button; --dry-run lists what would be deleted.")

    @OptionGroup var options: LabJobOptions

    @Option(help: "The learner's handle, such as ana-7f3k.")
    var learner: String?

    @Flag(help: "Every learner who joined this server.")
    var allLearners = false

    @Flag(help: "List what would be deleted, and what still costs money, without deleting anything.")
    var dryRun = false

    func validate() throws {
        guard (learner != nil) != allLearners else {
            throw ValidationError("name one learner with --learner HANDLE, or use --all-learners")
        }
    }

    func run() async throws {
        let (database, lab, queue, registry) = try await options.prepare()
        let learners: [Learner]
        if let learner {
            learners = [try await options.learner(learner, in: database)]
        } else {
            learners = try await database.allLearners()
        }
        var failures: [String] = []
        for learner in learners {
            let id = learner.id ?? 0
            let (job, _) = try await queue.enqueue(
                CleanupJob.self, .init(learnerID: id, labID: lab.id, isDryRun: dryRun), learnerID: id, labID: lab.id,
                uniqueKey: "\(dryRun ? "cleanup-preview" : "cleanup"):\(id):\(lab.id)")
            let label = "cleanup \(learner.handle)"
            let finished = try await runPrinting(job, queue: queue, registry: registry, label: label)
            guard finished.state == .completed, let output = finished.decodedResult(as: CleanupJob.Output.self) else {
                failures.append(jobFailure(finished, label: label).description)
                continue
            }
            print(Self.report(output, handle: learner.handle))
            if !output.leftovers.isEmpty { failures.append("\(label): \(output.leftovers.count) resources left") }
        }
        if let first = failures.first {
            throw CommandFailure(failures.count == 1 ? first : "\(first) (and \(failures.count - 1) more)")
        }
    }

    static func report(_ output: CleanupJob.Output, handle: String) -> String {
        var lines: [String] = []
        if output.isDryRun {
            lines.append("\(handle): \(output.summary)")
            lines += output.planned.map { "  would delete \($0.summary)" }
        } else {
            lines.append("\(handle): \(output.summary)")
            lines += output.leftovers.map { "  left: \($0.summary): \($0.reason ?? "")" }
        }
        for item in output.stillRunning {
            lines.append(String(format: "  still running: %@ ($%.4f per hour)", item.summary, item.hourlyCost ?? 0))
        }
        if output.hourlyCostTotal > 0 { lines.append(String(format: "  total: $%.4f per hour", output.hourlyCostTotal)) }
        lines += output.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
