import Foundation
import LabStore

/// How the CLI prints jobs: one aligned row per job, or a job's details and log.
enum JobText {
    static let tableHeader = pad(["ID", "KIND", "STATE", "ATTEMPT", "LEARNER", "CREATED"])

    static func row(_ job: JobRecord) -> String {
        pad([
            "\(job.id)", job.kind, job.state.rawValue, "\(job.attempt)/\(job.maxAttempts)",
            job.learnerID.map(String.init) ?? "-", timestamp(job.createdAt),
        ])
    }

    static func details(_ job: JobRecord, log: [JobLogEntry]) -> String {
        var lines = [
            "job \(job.id)  \(job.kind)  \(job.state.rawValue)\(job.isCancelRequested ? " (cancel requested)" : "")",
            "attempt    \(job.attempt) of \(job.maxAttempts)",
            "learner    \(job.learnerID.map(String.init) ?? "-")   lab \(job.labID ?? "-")",
            "created    \(timestamp(job.createdAt))   started \(job.startedAt.map(timestamp) ?? "-")"
                + "   finished \(job.finishedAt.map(timestamp) ?? "-")",
            "progress   \(job.progressCompleted) of \(job.progressTotal)\(job.progressMessage.map { "  \($0)" } ?? "")",
        ]
        if let owner = job.leaseOwner { lines.append("lease      \(owner) until \(job.leaseExpiresAt.map(timestamp) ?? "-")") }
        for error in job.errors {
            lines.append("error      attempt \(error.attempt) at \(timestamp(error.at)): \(error.message)")
        }
        if let result = job.result { lines.append("result     \(result)") }
        for entry in log { lines.append(logLine(entry)) }
        return lines.joined(separator: "\n")
    }

    static func logLine(_ entry: JobLogEntry) -> String {
        let fields = entry.fields.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "\(timestamp(entry.at)) \(entry.level.rawValue.uppercased()) \(entry.message)\(fields)"
    }

    private static func pad(_ columns: [String]) -> String {
        let widths = [6, 12, 11, 8, 8]
        return columns.enumerated().map { index, text in
            index < widths.count ? text.padding(toLength: max(widths[index], text.count + 1), withPad: " ", startingAt: 0) : text
        }.joined()
    }

    private static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
