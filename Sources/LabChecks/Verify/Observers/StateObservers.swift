import AWSClient
import Foundation

/// The breaker's home: `lambda.function`, `dynamodb.table`, and `breaker.state`, which reads the item the lab's
/// breaker writes (`service` key, `state`, `failureCount`, `failureThreshold`, `openedAt`, `openSeconds`).
enum StateObservers {
    static func function(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let name = try check.requiredText("function")
        let function = try await nilIfNotFound {
            try await LambdaClient(runtime: environment.account.runtime).getFunction(name: name)
        }
        guard let function else {
            return .failed(
                expected: "a Lambda function named \(name)",
                observed: "there is no Lambda function named \(name) in \(environment.account.region)",
                hint: "Creating a function needs its execution role to exist first; check the create command's answer.")
        }
        let facts = ["FunctionArn": function.FunctionArn, "Runtime": function.Runtime ?? "", "State": function.State ?? ""]
        if function.State == "Failed" {
            return .failed(
                expected: "Lambda function \(name) ready to run",
                observed: "Lambda function \(name) exists, but its state is Failed",
                hint: "A function fails to become active when its role cannot be assumed or its package is unusable.",
                facts: facts)
        }
        return .passed("Lambda function \(name) exists", facts: facts)
    }

    static func table(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let name = try check.requiredText("table")
        guard
            let table = try await nilIfNotFound({
                try await DynamoDBClient(runtime: environment.account.runtime).describeTable(name: name)
            }),
            table.TableStatus != "DELETING"
        else { return missingTable(name, in: environment) }
        let keys = (table.KeySchema ?? []).map { "\($0.AttributeName) (\($0.KeyType))" }
        return .passed(
            "DynamoDB table \(name) exists",
            facts: ["TableStatus": table.TableStatus ?? "", "KeySchema": keys.joined(separator: ", ")])
    }

    static func missingTable(_ name: String, in environment: CheckEnvironment) -> CheckOutcome {
        .failed(
            expected: "a DynamoDB table named \(name)",
            observed: "there is no DynamoDB table named \(name) in \(environment.account.region)",
            hint: "Table names are case-sensitive; a table that is still being created appears within seconds.")
    }

    static func breakerState(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let table = try check.requiredText("table")
        let service = try check.requiredText("service")
        let wanted = try check.requiredText("state")
        let key: DynamoDBClient.Item = ["service": .string(service)]
        let item = try await nilIfNotFound {
            try await DynamoDBClient(runtime: environment.account.runtime).getItem(table: table, key: key, consistentRead: true)
        }
        guard let item else { return missingTable(table, in: environment) }
        guard let item else {
            return .failed(
                expected: "a breaker item for \(service) in state \(wanted)",
                observed: "table \(table) has no item with service \(service)",
                hint: "Each protected service has one item, keyed by the service's name, written when its breaker starts closed.")
        }
        func number(_ name: String) -> Int? {
            if case .number(let text)? = item[name] { return Int(text) ?? Double(text).map { Int($0) } }
            return nil
        }
        var stored: String?
        if case .string(let value)? = item["state"] { stored = value }
        var facts = ["state": stored ?? ""]
        for name in ["failureCount", "failureThreshold", "openedAt", "openSeconds"] {
            facts[name] = number(name).map(String.init)
        }
        // The lab's breaker moves from open to half-open lazily, on the first call after its open period.
        let openPeriodOver =
            number("openedAt").flatMap { opened in
                number("openSeconds").map { Int(Date().timeIntervalSince1970) >= opened + $0 }
            } ?? false
        if stored == wanted || (wanted == "half-open" && stored == "open" && openPeriodOver) {
            let note = stored == "open" && openPeriodOver ? " (its open period is over: the next call is a probe)" : ""
            return .passed("the breaker for \(service) in table \(table) is \(stored ?? wanted)\(note)", facts: facts)
        }
        let failures =
            number("failureCount").map { count in number("failureThreshold").map { " after \(count) of \($0) failures" } ?? "" }
            ?? ""
        return .failed(
            expected: "the breaker for \(service) \(wanted)",
            observed:
                "the breaker for \(service) in table \(table) is \(stored ?? "in no state")\(stored == "closed" ? failures : "")",
            hint: hint(from: stored, to: wanted), facts: facts)
    }

    static func hint(from stored: String?, to wanted: String) -> String {
        switch (stored, wanted) {
        case ("closed", "open"): "A closed breaker opens once failures in a row reach its threshold: keep the failure going."
        case ("open", "closed"): "An open breaker closes only through half-open: after its open period, one good call closes it."
        case ("half-open", _): "Half-open lets one probe through: its result closes the breaker or opens it again."
        default: "The state is the item's state attribute: closed, open or half-open, written by the breaker's transitions."
        }
    }
}
