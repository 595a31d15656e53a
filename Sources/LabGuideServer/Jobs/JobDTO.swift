import Foundation
import Hummingbird
import LabStore

/// A job as the API shows it: state, attempts, progress, errors and the JSON result. Arguments and lease stay inside.
struct JobDTO: ResponseEncodable, Equatable {
    struct Progress: Codable, Equatable {
        let completed: Int
        let total: Int
        let message: String?
    }

    struct AttemptError: Codable, Equatable {
        let at: Date
        let attempt: Int
        let message: String
    }

    let id: Int64
    let kind: String
    let state: String
    let labId: String?
    let attempt: Int
    let maxAttempts: Int
    let isCancelRequested: Bool
    let progress: Progress
    let errors: [AttemptError]
    let result: JSONValue?
    let createdAt: Date
    let startedAt: Date?
    let finishedAt: Date?

    init(_ job: JobRecord) {
        id = job.id
        kind = job.kind
        state = job.state.rawValue
        labId = job.labID
        attempt = job.attempt
        maxAttempts = job.maxAttempts
        isCancelRequested = job.isCancelRequested
        progress = Progress(completed: job.progressCompleted, total: job.progressTotal, message: job.progressMessage)
        errors = job.errors.map { AttemptError(at: $0.at, attempt: $0.attempt, message: $0.message) }
        result = job.result.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
    }
}

/// One log line in an SSE `log` event.
struct JobLogDTO: Encodable {
    let id: Int64
    let at: Date
    let level: String
    let message: String
    let fields: [String: String]

    init(_ entry: JobLogEntry) {
        id = entry.id
        at = entry.at
        level = entry.level.rawValue
        message = entry.message
        fields = entry.fields
    }
}

/// The SSE `progress` event: where the job stands now.
struct JobProgressDTO: Encodable, Equatable {
    let state: String
    let attempt: Int
    let progress: JobDTO.Progress

    init(_ job: JobRecord) {
        state = job.state.rawValue
        attempt = job.attempt
        progress = .init(completed: job.progressCompleted, total: job.progressTotal, message: job.progressMessage)
    }
}
