import Foundation
import Hummingbird
import LabContent
import LabStore

/// The learner side of the class: raising a hand from a step, and the stream that brings broadcasts and holds to
/// a learner's open page. It carries only the class's messages and this learner's own hand, nothing of others.
struct ClassEventsController {
    let lookup: LabLookup
    let database: AppDatabase

    struct HandDTO: ResponseEncodable, Codable, Equatable {
        let raised: Bool
        let stepId: String?
    }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post(":lab/steps/:step/hand") { request, context -> EditedResponse<HandDTO> in
            try request.requireJSONContentType()
            let learner = try context.requireLearner()
            let lab = try lookup.lab(context)
            let step = try lookup.step(in: lab, context)
            try await database.raiseHand(
                RaisedHand(learnerID: learner.id ?? 0, labID: lab.id, stepID: step.id, raisedAt: Date()))
            return EditedResponse(status: .created, response: HandDTO(raised: true, stepId: step.id))
        }
        api.delete(":lab/steps/:step/hand") { request, context -> HandDTO in
            let learner = try context.requireLearner()
            let lab = try lookup.lab(context)
            _ = try lookup.step(in: lab, context)
            try await database.lowerHand(learnerID: learner.id ?? 0, at: Date())
            return HandDTO(raised: false, stepId: nil)
        }
        api.get(":lab/steps/:step/class-events") { request, context -> Response in
            let learner = try context.requireLearner()
            let lab = try lookup.lab(context)
            let step = try lookup.step(in: lab, context)
            let stream = LearnerClassStream(database: database, lab: lab, step: step, learnerID: learner.id ?? 0)
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in try await stream.write(to: &writer) })
        }
    }
}

/// One learner page's stream: a `class` event with what the page should show whenever that changes.
struct LearnerClassStream: Sendable {
    struct ClassEvent: Encodable, Equatable {
        struct Broadcast: Encodable, Equatable {
            let id: Int64
            /// Escaped text with the safe Markdown subset as tags (`BroadcastText`).
            let html: String
            let createdAt: Date
        }

        let broadcasts: [Broadcast]
        /// Whether this step is held now: the page reloads when it differs from what it shows.
        let isHeld: Bool
        let handRaised: Bool
    }

    let database: AppDatabase
    let lab: Lab
    let step: Step
    let learnerID: Int64
    var heartbeatInterval: Duration = .seconds(15)

    func write(to writer: inout any ResponseBodyWriter) async throws {
        try await EventStreamWriter.write(to: &writer) { output in try await produce(into: output) }
    }

    private func produce(into output: AsyncStream<String>.Continuation) async throws {
        var last: ClassEvent?
        output.yield("retry: 2000\n\n")
        while !Task.isCancelled {
            let generation = database.classStateChanged.generation
            let event = Self.event(for: try await database.classState(), lab: lab, step: step, learnerID: learnerID)
            if event != last {
                last = event
                output.yield(try InstructorEventStream.event("class", event, id: nil))
            } else {
                output.yield(": heartbeat\n\n")
            }
            await database.classStateChanged.wait(after: generation, timeout: heartbeatInterval)
        }
    }

    static func event(for state: ClassState, lab: Lab, step: Step, learnerID: Int64) -> ClassEvent {
        ClassEvent(
            broadcasts: state.broadcasts.filter { $0.labID == lab.id && ($0.stepID == nil || $0.stepID == step.id) }.map {
                .init(id: $0.id ?? 0, html: BroadcastText.html($0.body), createdAt: $0.createdAt)
            }, isHeld: ClassHoldRule.isHeld(step, in: lab, hold: state.holds[lab.id]),
            handRaised: state.raisedHands[learnerID] != nil)
    }
}
