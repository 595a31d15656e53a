import AWSClient

/// `sqs.queue` and `sqs.dead-letter-queue`: a queue's settings and where its poison messages go.
enum QueueObservers {
    static func queue(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let name = MessagingLookup.queueName(try check.requiredText("queue"))
        guard let (_, attributes) = try await MessagingLookup(runtime: environment.account.runtime).queueAttributes(name)
        else { return missingQueue(name, in: environment) }
        let facts = ["QueueArn": attributes["QueueArn"] ?? "", "VisibilityTimeout": attributes["VisibilityTimeout"] ?? ""]
        if let wanted = check.integer("visibilityTimeout"), let actual = attributes["VisibilityTimeout"], Int(actual) != wanted {
            return .failed(
                expected: "a visibility timeout of \(wanted) seconds",
                observed: "queue \(name) has a visibility timeout of \(actual) seconds",
                hint: "The visibility timeout is a queue attribute; it should outlast the time a consumer needs per message.",
                facts: facts)
        }
        return .passed("SQS queue \(name) exists", facts: facts)
    }

    static func missingQueue(_ name: String, in environment: CheckEnvironment, role: String = "queue") -> CheckOutcome {
        .failed(
            expected: "an SQS \(role) named \(name)",
            observed: "there is no SQS queue named \(name) in \(environment.account.region)",
            hint:
                "Queue names are case-sensitive and belong to one region: list your queues and compare the name letter by letter."
        )
    }

    static func deadLetterQueue(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let name = MessagingLookup.queueName(try check.requiredText("queue"))
        let deadLetterName = MessagingLookup.queueName(try check.requiredText("deadLetterQueue"))
        let maxReceiveCount = try check.requiredInteger("maxReceiveCount")
        let lookup = MessagingLookup(runtime: environment.account.runtime)
        guard let (_, attributes) = try await lookup.queueAttributes(name) else { return missingQueue(name, in: environment) }
        guard let (_, deadLetter) = try await lookup.queueAttributes(deadLetterName) else {
            return missingQueue(deadLetterName, in: environment, role: "dead-letter queue")
        }
        let deadLetterARN = deadLetter["QueueArn"] ?? ""
        let expected = "a redrive policy sending to \(deadLetterName) after \(maxReceiveCount) receives"
        let policyText = attributes["RedrivePolicy"] ?? ""
        var facts = ["RedrivePolicy": policyText, "deadLetterQueueArn": deadLetterARN]
        guard let policy = JSONValue(parsing: policyText), let target = policy["deadLetterTargetArn"]?.stringValue else {
            return .failed(
                expected: expected, observed: "queue \(name) has no redrive policy",
                hint: "The redrive policy belongs to the source queue, not the dead-letter queue, and names the target by ARN.",
                facts: facts)
        }
        let count = policy["maxReceiveCount"]?.integerValue
        facts["RedrivePolicy.maxReceiveCount"] = count.map(String.init) ?? ""
        var problems: [String] = []
        if target != deadLetterARN {
            problems.append("sends to \(MessagingLookup.queueName(target))")
        }
        if count != maxReceiveCount {
            problems.append("moves messages after \(count.map(String.init) ?? "an unreadable number of") receives")
        }
        guard problems.isEmpty else {
            return .failed(
                expected: expected, observed: "queue \(name) has a redrive policy that " + problems.joined(separator: " and "),
                hint: target != deadLetterARN
                    ? "deadLetterTargetArn takes the dead-letter queue's ARN (its QueueArn attribute), not its URL."
                    : "maxReceiveCount is how many times a message may be received before it moves to the dead-letter queue.",
                facts: facts)
        }
        return .passed("queue \(name) sends to \(deadLetterName) after \(maxReceiveCount) receives", facts: facts)
    }
}
