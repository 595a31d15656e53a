import Foundation
import Hummingbird
import LabContent
import LabStore

/// The matrix as CSV (RFC 4180): one row per learner, one column per step with the cell's state.
enum ClassCSV {
    static func text(board: ClassBoard, lab: Lab) -> String {
        var lines = [
            (["learner_id", "name", "handle", "prefix", "current_step", "last_activity", "completed_steps", "stuck"]
                + lab.steps.map(\.id)).map(field).joined(separator: ",")
        ]
        let dates = ISO8601DateFormatter()
        for row in board.rows {
            let values =
                [
                    String(row.learner.id ?? 0), row.learner.name, row.learner.handle, row.learner.resourcePrefix,
                    row.currentStep?.id ?? "", row.lastActivityAt.map(dates.string(from:)) ?? "", String(row.completedSteps),
                    row.stuck?.summary ?? "",
                ]
                + row.cells.map { $0.attempts > 0 ? "\($0.state.rawValue) (\($0.attempts))" : $0.state.rawValue }
            lines.append(values.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes every field, doubling quotes; a leading `=`, `+`, `-` or `@` gets a `'` so a spreadsheet never runs a
    /// learner's display name as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains("\"") else { return "\"" + value + "\"" }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(board: ClassBoard, lab: Lab) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(lab.id)-class.csv\"",
            ], body: .init(byteBuffer: ByteBuffer(string: text(board: board, lab: lab))))
    }
}
