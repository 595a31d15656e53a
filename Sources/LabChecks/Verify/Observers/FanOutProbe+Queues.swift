import AWSClient

/// Receiving from the learner's queues without disturbing them: only the probe is deleted, everything else is handed
/// back at once (ChangeMessageVisibility 0). Every receive still counts toward a message's `maxReceiveCount`, so a
/// queue is received from a few times at most.
extension FanOutProbe {
    /// Receives at most this often per queue and check.
    static let maxReceives = 4
    /// How long a received message stays hidden if handing it back fails: short, so it is soon the learner's again.
    static let receiveVisibility = 5

    /// Receives from a `deliveredTo` queue until the probe arrives, the deadline passes or the receives run out.
    func poll(_ url: String, until deadline: ContinuousClock.Instant) async throws -> Delivery? {
        for _ in 0..<Self.maxReceives {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let waitSeconds = max(0, min(1, Int(remaining / .seconds(1))))
            let messages = try await sqs.receiveMessages(
                queueURL: url, maxMessages: 10, waitSeconds: waitSeconds, visibilityTimeout: Self.receiveVisibility)
            if let delivery = try await sort(messages, in: url) { return delivery }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return nil }
            // Others' messages only (another check's probe, the learner's own), or no long poll: give SNS and the
            // other messages a moment instead of asking again at once.
            if !messages.isEmpty || waitSeconds == 0 { try await Task.sleep(for: min(left, wait / Self.maxReceives)) }
        }
        return nil
    }

    /// Looks through a `notDeliveredTo` queue once the `deliveredTo` queues are done, deleting the probe if it is
    /// there; on a real account with a one-second long poll, since SNS delivers to each queue on its own.
    func sweep(_ url: String) async throws -> Delivery? {
        var seen: Set<String> = []
        for _ in 0..<Self.maxReceives {
            let messages = try await sqs.receiveMessages(
                queueURL: url, maxMessages: 10, waitSeconds: isSandbox ? 0 : 1, visibilityTimeout: Self.receiveVisibility)
            if let delivery = try await sort(messages, in: url) { return delivery }
            let fresh = messages.filter { !seen.contains($0.MessageId) }
            guard !fresh.isEmpty else { return nil }
            seen.formUnion(fresh.map(\.MessageId))
        }
        return nil
    }

    /// Deletes this probe's messages and hands every other message back; returns how the probe arrived, if it did.
    func sort(_ messages: [SQSClient.Message], in url: String) async throws -> Delivery? {
        var found: Delivery?
        var firstError: (any Error)?
        for message in messages {
            do {
                if let (id, delivery) = Self.probe(in: message.Body), id == probeID {
                    try await sqs.deleteMessage(queueURL: url, receiptHandle: message.ReceiptHandle)
                    found = delivery
                } else {
                    try await sqs.changeMessageVisibility(
                        queueURL: url, receiptHandle: message.ReceiptHandle, visibilityTimeout: 0)
                }
            } catch {
                // Hand back the rest before reporting, so one failed call does not hide the learner's messages.
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return found
    }

    /// The probe id in a message body, raw (`{"probeId": …}`) or inside the SNS envelope's `Message`.
    static func probe(in body: String) -> (id: String, delivery: Delivery)? {
        guard let json = JSONValue(parsing: body) else { return nil }
        if let id = json["probeId"]?.stringValue { return (id, .raw) }
        guard let inner = json["Message"]?.stringValue,
            let id = JSONValue(parsing: inner)?["probeId"]?.stringValue
        else { return nil }
        return (id, .envelope)
    }
}
