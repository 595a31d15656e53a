import AWSClient
import Foundation

/// `messaging.fan-out`: publishes one probe event to the topic and watches which queues it reaches.
///
/// The probe is the only thing Verify writes. It carries the declared `eventType` both as a message attribute and in
/// its JSON body, so filter policies of either scope judge it like a real event, and a unique `probeId` (also the
/// `labguideProbe` attribute), so it is never mistaken for the learner's messages: only messages with this probe id
/// are deleted, and every other message received is made visible again at once.
struct FanOutProbe: Sendable {
    let sqs: SQSClient
    /// How long the probe may take to reach the `deliveredTo` queues.
    let wait: Duration
    /// The sandbox delivers while it answers Publish, so an empty queue there needs no long poll.
    let isSandbox: Bool
    let probeID: String

    /// How the probe arrived in a queue: raw delivery, or wrapped in the SNS envelope.
    enum Delivery: String, Sendable {
        case raw = "raw"
        case envelope = "SNS envelope"
    }

    static func observe(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let topic = try check.requiredText("topic")
        let eventType = try check.requiredText("eventType")
        let deliveredTo = try check.requiredList("deliveredTo").map(MessagingLookup.queueName)
        let notDeliveredTo = (check.list("notDeliveredTo") ?? []).map(MessagingLookup.queueName)
        let runtime = environment.account.runtime
        let lookup = MessagingLookup(runtime: runtime)
        guard let topicARN = try await lookup.topicARN(topic) else {
            return TopicObservers.missingTopic(MessagingLookup.topicName(topic), in: environment)
        }
        let names = deliveredTo + notDeliveredTo
        let urls = try await withThrowingTaskGroup(of: (String, String?).self) { group in
            for name in names { group.addTask { (name, try await lookup.queueURL(name)) } }
            return try await group.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        }
        if let missing = names.first(where: { urls[$0] == nil }) {
            return QueueObservers.missingQueue(missing, in: environment)
        }
        let probe = FanOutProbe(
            sqs: SQSClient(runtime: runtime), wait: environment.deliveryWait, isSandbox: environment.isSandbox,
            probeID: "labguide-probe-\(UUID().uuidString.lowercased())")
        try await probe.publish(eventType: eventType, to: topicARN, using: SNSClient(runtime: runtime))
        let deadline = ContinuousClock.now.advanced(by: environment.deliveryWait)
        let arrived = try await probe.each(deliveredTo) { try await probe.poll(urls[$0] ?? "", until: deadline) }
        let strayed = try await probe.each(notDeliveredTo) { try await probe.sweep(urls[$0] ?? "") }
        return probe.verdict(
            eventType: eventType, topic: MessagingLookup.topicName(topic), arrived: zip(deliveredTo, arrived).map { $0 },
            strayed: zip(notDeliveredTo, strayed).map { $0 })
    }

    func publish(eventType: String, to topicARN: String, using sns: SNSClient) async throws {
        let body = JSONValue.object(["eventType": .string(eventType), "probeId": .string(probeID)]).compactText
        try await sns.publish(
            topicARN: topicARN, message: body,
            attributes: ["eventType": .init(value: eventType), "labguideProbe": .init(value: probeID)])
    }

    /// `body` for every queue at once, results in the queues' order.
    func each(_ names: [String], _ body: @escaping @Sendable (String) async throws -> Delivery?) async throws -> [Delivery?] {
        try await withThrowingTaskGroup(of: (Int, Delivery?).self) { group in
            for (index, name) in names.enumerated() { group.addTask { (index, try await body(name)) } }
            var results = [Delivery?](repeating: nil, count: names.count)
            for try await (index, delivery) in group { results[index] = delivery }
            return results
        }
    }

    func verdict(eventType: String, topic: String, arrived: [(String, Delivery?)], strayed: [(String, Delivery?)])
        -> CheckOutcome
    {
        var facts = ["probeId": probeID]
        for (name, delivery) in arrived { facts[name] = delivery?.rawValue ?? "not delivered" }
        for (name, delivery) in strayed { facts[name] = delivery == nil ? "not delivered" : "delivered" }
        let reached = arrived.filter { $0.1 != nil }.map(\.0)
        let missed = arrived.filter { $0.1 == nil }.map(\.0)
        let unwanted = strayed.filter { $0.1 != nil }.map(\.0)
        let spared = strayed.map(\.0)
        let probe = "the \(eventType) probe from topic \(topic)"
        let notIn = spared.isEmpty ? "" : ", and not in \(listed(spared))"
        guard !missed.isEmpty || !unwanted.isEmpty else {
            let spareText = spared.isEmpty ? "" : ", and not \(listed(spared))"
            return .passed("\(probe) reached \(listed(reached))\(spareText)", facts: facts)
        }
        let expected = "\(probe) in \(listed(arrived.map(\.0)))\(notIn)"
        var observed: [String] = []
        if !missed.isEmpty {
            let within = "within \(Self.seconds(wait))"
            observed.append(
                reached.isEmpty
                    ? "the probe reached none of \(listed(missed)) \(within)"
                    : "the probe reached \(listed(reached)), but not \(listed(missed)) \(within)")
        }
        if !unwanted.isEmpty { observed.append("it also reached \(listed(unwanted)), which should not get \(eventType)") }
        let hint =
            missed.isEmpty
            ? "A subscription with no filter policy, or one that lists \(eventType), lets the event through."
            : "Check that each queue is subscribed to topic \(topic), that its filter policy lets \(eventType) through, "
                + "and that the queue's access policy allows the topic to send to it."
        return .failed(expected: expected, observed: observed.joined(separator: "; "), hint: hint, facts: facts)
    }

    /// "3 s", "0.5 s".
    static func seconds(_ duration: Duration) -> String {
        let value = duration / .seconds(1)
        return value.rounded() == value ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
