import AWSClient
import Foundation

/// `xray.traces`: X-Ray has recorded at least one trace in the last six hours (the longest range X-Ray answers
/// for), with a segment from the declared service when there is one.
///
/// A real account narrows the summaries with the filter expression `service("…")`. The sandbox answers filter
/// expressions with "not implemented", so there the check reads the traces themselves (BatchGetTraces) and looks
/// for a segment named after the service, which is what the filter matches on a real account.
enum TraceObserver {
    static let window: TimeInterval = 6 * 3600 - 60

    static func observe(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let service = check.text("service")
        let xray = XRayClient(runtime: environment.account.runtime)
        let end = Date()
        let filter = environment.isSandbox ? nil : service.map { "service(\"\($0)\")" }
        let summaries: [XRayClient.TraceSummary]
        do {
            summaries = try await xray.getTraceSummaries(start: end - window, end: end, filterExpression: filter).collect()
        } catch let error as AWSError where environment.isSandbox && error.statusCode == 500 {
            return .unsupported(
                "The sandbox emulator could not list trace summaries (\(error.code)). On a real AWS account Verify checks "
                    + "that X-Ray recorded a trace" + (service.map { " with a segment from \($0)" } ?? "")
                    + " in the last six hours.")
        }
        let ids = summaries.compactMap(\.Id)
        var facts = ["traces": String(ids.count), "filter": filter ?? "none (segments read one by one)"]
        let what = service.map { "a trace with a segment from service \($0)" } ?? "a trace"
        guard !ids.isEmpty else {
            return .failed(
                expected: "\(what) in the last six hours",
                observed: "X-Ray has no traces" + (service.map { " from service \($0)" } ?? "") + " in the last six hours",
                hint:
                    "Segments reach X-Ray from the X-Ray daemon or from put-trace-segments; a segment without end_time is not a finished trace.",
                facts: facts)
        }
        guard let service, environment.isSandbox else {
            return .passed(
                "X-Ray has \(counted(ids.count, "trace"))" + (service.map { " from service \($0)" } ?? ""), facts: facts)
        }
        var names: Set<String> = []
        for start in stride(from: 0, to: ids.count, by: 5) {
            let traces = try await xray.batchGetTraces(ids: Array(ids[start..<min(start + 5, ids.count)]))
            for segment in traces.flatMap({ $0.Segments ?? [] }) {
                if let name = segment.Document.flatMap(JSONValue.init(parsing:))?["name"]?.stringValue { names.insert(name) }
            }
            if names.contains(service) { break }
        }
        facts["segmentNames"] = names.sorted().joined(separator: ", ")
        guard names.contains(service) else {
            return .failed(
                expected: "\(what) in the last six hours",
                observed: "X-Ray has \(counted(ids.count, "trace")), but none with a segment named \(service)"
                    + (names.isEmpty ? "" : " (their segments are named \(listed(names.sorted())))"),
                hint: "A segment's name is the service X-Ray files it under: give the order service's segment that name.",
                facts: facts)
        }
        return .passed("X-Ray has traces with a segment from service \(service)", facts: facts)
    }
}
