import Foundation
import Hummingbird
import LabContent
import LabStore

/// The SSE body of `GET /api/v1/instructor/labs/{lab}/events`: a `rows` event per batch of learner events, with
/// the id of the last event in it, carrying each changed learner's row (as JSON and as the matrix's HTML).
///
/// It tails the `event` table by id, so `Last-Event-ID` resumes exactly where a dropped connection stopped. It
/// wakes on the store's commit signal, and looks anyway every second (another process may write). Every 30 s it
/// sends the rows whose "stuck" changed with time alone, and a comment line when there was nothing to say.
struct InstructorEventStream: Sendable {
    struct RowsEvent: Encodable {
        struct Row: Encodable {
            let row: ClassRowDTO
            let html: String
        }

        struct Event: Encodable {
            let id: Int64
            let learnerId: Int64
            let kind: String
            let stepId: String?
            let at: Date
        }

        let rows: [Row]
        let events: [Event]
    }

    let loader: ClassBoardLoader
    let database: AppDatabase
    let lab: Lab
    let exerciseID: String?
    let afterEventID: Int64?
    var pollInterval: Duration = .seconds(1)
    var sweepInterval: TimeInterval = 30
    var heartbeatInterval: TimeInterval = 15

    func write(to writer: inout any ResponseBodyWriter) async throws {
        try await EventStreamWriter.write(to: &writer) { output in try await produce(into: output) }
    }

    private func produce(into output: AsyncStream<String>.Continuation) async throws {
        var lastID: Int64
        if let afterEventID { lastID = afterEventID } else { lastID = try await database.latestEventID() }
        var (funnel, stuck, sweptAt) = try await sweep()
        var lastWrite = Date()
        output.yield("retry: 2000\n\n")
        while !Task.isCancelled {
            let generation = database.eventsChanged.generation
            var chunk = ""
            let events = try await database.events(after: lastID, limit: 500)
            if let last = events.last?.id {
                lastID = last
                let rows = try await loader.rows(lab: lab, learnerIDs: Array(Set(events.map(\.learnerID))), funnel: funnel)
                for row in rows { stuck[row.learner.id ?? 0] = row.stuck != nil }
                chunk += try Self.event("rows", payload(rows, events: events), id: last)
            }
            if Date().timeIntervalSince(sweptAt) >= sweepInterval {
                let previous = stuck
                let board = try await loader.board(lab: lab).board
                (funnel, sweptAt) = (board.funnel, Date())
                let changed = board.rows.filter { previous[$0.learner.id ?? 0] != ($0.stuck != nil) }
                for row in board.rows { stuck[row.learner.id ?? 0] = row.stuck != nil }
                if !changed.isEmpty { chunk += try Self.event("rows", payload(changed, events: []), id: nil) }
            }
            if chunk.isEmpty, Date().timeIntervalSince(lastWrite) >= heartbeatInterval { chunk = ": heartbeat\n\n" }
            if !chunk.isEmpty {
                output.yield(chunk)
                lastWrite = Date()
            }
            await database.eventsChanged.wait(after: generation, timeout: pollInterval)
        }
    }

    private func sweep() async throws -> ([StepFunnel], [Int64: Bool], Date) {
        let board = try await loader.board(lab: lab).board
        return (board.funnel, Dictionary(board.rows.map { ($0.learner.id ?? 0, $0.stuck != nil) }) { $1 }, Date())
    }

    private func payload(_ rows: [ClassBoard.Row], events: [LearnerEvent]) -> RowsEvent {
        let table = MatrixTable(lab: lab, exerciseID: exerciseID, now: loader.now())
        return RowsEvent(
            rows: rows.map { RowsEvent.Row(row: ClassRowDTO($0), html: table.row($0)) },
            events: events.map {
                .init(id: $0.id ?? 0, learnerId: $0.learnerID, kind: $0.kind.rawValue, stepId: $0.stepID, at: $0.createdAt)
            })
    }

    static func event(_ name: String, _ value: some Encodable, id: Int64?) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = String(decoding: try encoder.encode(value), as: UTF8.self)
        return (id.map { "id: \($0)\n" } ?? "") + "event: \(name)\ndata: \(data)\n\n"
    }
}
