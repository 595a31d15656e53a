import ArgumentParser
import Foundation
import LabContent
import LabJobs
import LabStore

/// `labguide provision`: the lab's base infrastructure for one learner, through the same job as the server's button.
struct ProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provision", abstract: "Create a lab's base infrastructure for a learner.",
        discussion: "Runs the same job as the Provision button; works while a server runs on the same database.")

    @OptionGroup var options: LabJobOptions

    @Option(help: "The learner's handle, such as ana-7f3k.")
    var learner: String

    func run() async throws {
        let (database, lab, queue, registry) = try await options.prepare()
        let learner = try await options.learner(learner, in: database)
        let id = learner.id ?? 0
        let (job, _) = try await queue.enqueue(
            ProvisionJob.self, .init(learnerID: id, labID: lab.id), learnerID: id, labID: lab.id,
            uniqueKey: "provision:\(id):\(lab.id)")
        let finished = try await runPrinting(job, queue: queue, registry: registry, label: "provision")
        guard finished.state == .completed, let output = finished.decodedResult(as: ProvisionJob.Output.self) else {
            throw jobFailure(finished, label: "provision")
        }
        print(output.summary)
    }
}
