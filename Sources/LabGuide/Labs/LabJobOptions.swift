import AWSClient
import ArgumentParser
import Foundation
import LabContent
import LabJobs
import LabSandbox
import LabStore
import Logging

/// What `labguide provision` and `labguide cleanup` share: the database and labs of a server, and the AWS target
/// that server uses, found from the database so the CLI and a running server always call the same place.
struct LabJobOptions: ParsableArguments {
    @Option(help: "The lab's id, such as cross-service.")
    var lab: String

    @Option(help: "SQLite database of the server (default: $LABGUIDE_DATABASE, then labguide.sqlite).")
    var database: String = environment("DATABASE") ?? "labguide.sqlite"

    @Option(help: "Folder holding one folder per lab.")
    var labs: String = environment("LABS") ?? "labs"

    @Option(help: "AWS region the lab's commands are written for (default: as for serve).")
    var region: String =
        environment("REGION") ?? ProcessInfo.processInfo.environment["AWS_REGION"]
        ?? ProcessInfo.processInfo.environment["AWS_DEFAULT_REGION"] ?? "us-east-1"

    @Option(help: "On a real account: its id, for ARNs (default: $LABGUIDE_ACCOUNT_ID).")
    var accountId: String? = environment("ACCOUNT_ID")

    /// The pieces every lab job needs, or one clear line.
    func prepare() async throws -> (AppDatabase, Lab, JobQueue, JobRegistry) {
        let library = try loadLabsOrExit(from: labs)
        guard let lab = library.lab(id: lab) else {
            throw CommandFailure("there is no lab \(lab) in \(labs) (labs: \(library.labs.map(\.id).joined(separator: ", ")))")
        }
        let database = try openDatabaseOrExit(atPath: self.database)
        let targets = try makeTargets()
        var registry = JobRegistry()
        registry.registerLabJobs(database: database, labs: library, targets: targets)
        return (database, lab, JobQueue(database: database, registry: registry), registry)
    }

    /// The sandbox when a server runs one for this database (its endpoint file is there), else a real account.
    func makeTargets() throws -> LearnerTargets {
        let settingsDirectory = SandboxSettings.directory(forDatabase: database)
        let endpointFile = settingsDirectory.appendingPathComponent("endpoint")
        let secretFile = settingsDirectory.appendingPathComponent("secret")
        if FileManager.default.fileExists(atPath: secretFile.path) {
            // This database belongs to a sandbox: never fall back to whatever AWS account the shell is signed in to.
            guard let text = try? String(contentsOf: endpointFile, encoding: .utf8), let endpoint = URL(string: text) else {
                throw CommandFailure(
                    "the sandbox of \(database) is not running: start it with `labguide serve --sandbox --database \(database)`")
            }
            let secret = try Data(contentsOf: secretFile)
            return LearnerTargets(
                target: .sandbox(endpoint: endpoint, publicEndpoint: endpoint, keyring: SandboxKeyring(secret: secret)),
                region: region)
        }
        do {
            let runtime = try AWSRuntime.make(configuration: try AWSConfiguration.resolve(region: region))
            return LearnerTargets(target: .account(runtime, accountID: accountId), region: region)
        } catch {
            throw CommandFailure("no sandbox runs for \(database) and no AWS account is configured: \(error)")
        }
    }

    /// The learner with this handle, or one line naming the handles there are.
    func learner(_ handle: String, in database: AppDatabase) async throws -> Learner {
        if let learner = try await database.learner(handle: handle) { return learner }
        let known = try await database.allLearners().prefix(10).map(\.handle)
        throw CommandFailure(
            "there is no learner \(handle) in \(self.database)"
                + (known.isEmpty ? " (nobody has joined yet)" : " (for example: \(known.joined(separator: ", ")))"))
    }
}

/// Runs a queued job here (or follows it while a server runs it), printing its progress, and returns it finished.
/// `quiet` leaves out the log lines, for commands that print their own report at the end.
func runPrinting(
    _ job: JobRecord, queue: JobQueue, registry: JobRegistry, label: String, quiet: Bool = false
) async throws -> JobRecord {
    var logger = Logger(label: "labguide.cli")
    logger.logLevel = .warning
    let finished = try await queue.runToCompletion(jobID: job.id, registry: registry, logger: logger) { update in
        switch update {
        case .log(let entry): if !quiet { print("  \(entry.message)") }
        case .job(let record):
            if !quiet, let message = record.progressMessage, record.state == .running { print("\(label): \(message)") }
        }
    }
    return finished
}

/// The failure line of a job that did not complete: its last error, on one line.
func jobFailure(_ job: JobRecord, label: String) -> CommandFailure {
    let reason = job.errors.last?.message ?? job.state.rawValue
    return CommandFailure("\(label) \(job.state.rawValue) after \(job.attempt) attempt(s): \(reason)")
}
