import ArgumentParser
import Foundation
import LabJobs
import LabStore

/// `labguide jobs …`: look at and steer the job queue, also while a server runs on the same database file.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List, show, cancel and retry background jobs.",
        subcommands: [ListJobsCommand.self, ShowJobCommand.self, CancelJobCommand.self, RetryJobCommand.self])
}

/// The `--database` option every `jobs` subcommand shares, defaulting like `serve`.
struct JobDatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file (default: $LABGUIDE_DATABASE, then labguide.sqlite).")
    var database: String = environment("DATABASE") ?? "labguide.sqlite"

    /// Opens an existing database; a missing file is an error here, since a new empty one would show nothing.
    func makeQueue() throws -> JobQueue {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("no database at \(database); pass --database or set LABGUIDE_DATABASE")
        }
        return JobQueue(database: try openDatabaseOrExit(atPath: database))
    }
}

struct ListJobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List jobs, newest first.")

    @OptionGroup var options: JobDatabaseOptions
    @Option(help: "Only jobs in this state: \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).")
    var state: String?
    @Option(help: "At most this many jobs.") var limit = 50

    func run() async throws {
        var filter = JobFilter(limit: limit)
        if let state {
            guard let parsed = JobState(rawValue: state) else {
                throw CommandFailure(
                    "unknown state \(state); use one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.state = parsed
        }
        let jobs = try await options.makeQueue().jobs(filter)
        print(JobText.tableHeader)
        for job in jobs { print(JobText.row(job)) }
    }
}

struct ShowJobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one job with its log.")

    @OptionGroup var options: JobDatabaseOptions
    @Argument(help: "The job id.") var id: Int64

    func run() async throws {
        let queue = try options.makeQueue()
        guard let job = try await queue.job(id: id) else { throw CommandFailure("no job with id \(id)") }
        print(JobText.details(job, log: try await queue.log(jobID: id)))
    }
}

struct CancelJobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a job: at once if queued, at its next checkpoint if running.")

    @OptionGroup var options: JobDatabaseOptions
    @Argument(help: "The job id.") var id: Int64

    func run() async throws {
        guard let job = try await options.makeQueue().cancel(jobID: id) else {
            throw CommandFailure("no job with id \(id)")
        }
        print(
            job.state == .running
                ? "job \(id): cancel requested; it stops at its next checkpoint" : "job \(id): \(job.state.rawValue)")
    }
}

struct RetryJobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a discarded or cancelled job again.")

    @OptionGroup var options: JobDatabaseOptions
    @Argument(help: "The job id.") var id: Int64

    func run() async throws {
        do {
            guard let job = try await options.makeQueue().retry(jobID: id) else {
                throw CommandFailure("no job with id \(id)")
            }
            print("job \(id): \(job.state.rawValue)")
        } catch let error as JobStoreError {
            throw CommandFailure("job \(id): \(error)")
        }
    }
}
