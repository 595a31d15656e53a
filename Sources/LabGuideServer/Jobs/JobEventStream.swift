import Foundation
import Hummingbird
import LabJobs
import LabStore

/// The SSE body of `GET /api/v1/jobs/{id}/events`: `log` events with the log entry's id, `progress` when the state
/// or progress moves, and a final `result`, after which the stream ends.
///
/// It wakes on the queue's signal when the job runs in this process and polls the store every second otherwise
/// (the CLI may run it). A comment line every 15 s keeps proxies from closing a quiet stream.
struct JobEventStream: Sendable {
    let jobs: JobQueue
    let jobID: Int64
    let afterLogID: Int64?
    var pollInterval: Duration = .seconds(1)
    var heartbeatInterval: TimeInterval = 15

    func write(to writer: inout any ResponseBodyWriter) async throws {
        var lastLogID = afterLogID
        var lastProgress: JobProgressDTO?
        var lastWrite = Date()
        try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
        while true {
            let generation = jobs.changeGeneration(jobID: jobID)
            var chunk = ""
            for entry in try await jobs.log(jobID: jobID, after: lastLogID) {
                lastLogID = entry.id
                chunk += try Self.event("log", JobLogDTO(entry), id: entry.id)
            }
            guard let job = try await jobs.job(id: jobID) else { break }
            let progress = JobProgressDTO(job)
            if progress != lastProgress {
                lastProgress = progress
                chunk += try Self.event("progress", progress)
            }
            if job.state.isFinished {
                chunk += try Self.event("result", JobDTO(job))
                try await writer.write(ByteBuffer(string: chunk))
                break
            }
            if chunk.isEmpty, Date().timeIntervalSince(lastWrite) >= heartbeatInterval { chunk = ": heartbeat\n\n" }
            if !chunk.isEmpty {
                try await writer.write(ByteBuffer(string: chunk))
                lastWrite = Date()
            }
            await jobs.waitForChange(jobID: jobID, after: generation, timeout: pollInterval)
        }
        try await writer.finish(nil)
    }

    static func event(_ name: String, _ value: some Encodable, id: Int64? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        let data = String(decoding: try encoder.encode(value), as: UTF8.self)
        return (id.map { "id: \($0)\n" } ?? "") + "event: \(name)\ndata: \(data)\n\n"
    }
}
