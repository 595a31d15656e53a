import AWSClient
import Foundation

/// The part of a subscription's filter policy that decides which `eventType`s reach a queue.
///
/// Both scopes put `eventType` at the top of the policy (`MessageAttributes` matches the message attribute,
/// `MessageBody` the body's top-level field), so one reading serves both.
struct EventTypeFilter: Sendable, Equatable {
    /// The policy as the subscription holds it, compacted for messages.
    let policyText: String
    /// The exact event types it lets through; nil when the policy does not mention `eventType`.
    let allowed: [String]?
    /// Conditions on `eventType` other than exact names (`{"prefix":"Order"}`), as JSON.
    let otherConditions: [String]

    /// nil for a subscription without a filter policy (it receives everything).
    init?(policy: String?) {
        guard let policy, !policy.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let json = JSONValue(parsing: policy) else {
            policyText = policy
            allowed = nil
            otherConditions = []
            return
        }
        policyText = json.compactText
        let conditions: [JSONValue]? =
            switch json["eventType"] {
            case .array(let values)?: values
            case .string(let value)?: [.string(value)]
            case nil: nil
            case let value?: [value]
            }
        allowed = conditions?.compactMap(\.stringValue)
        otherConditions = (conditions ?? []).filter { $0.stringValue == nil }.map(\.compactText)
    }

    /// What differs from `expected`, as a clause of an observed message, or nil when exactly those pass.
    func difference(from expected: [String]) -> String? {
        guard let allowed else { return "the filter policy \(policyText) does not filter on eventType" }
        if !otherConditions.isEmpty {
            return "the filter policy \(policyText) matches eventType by \(listed(otherConditions)), not by name"
        }
        let missing = expected.filter { !allowed.contains($0) }
        let extra = allowed.filter { !expected.contains($0) }
        var problems: [String] = []
        if !missing.isEmpty { problems.append("\(listed(missing)) \(missing.count == 1 ? "is" : "are") missing") }
        if !extra.isEmpty { problems.append("\(listed(extra)) should not pass") }
        guard !problems.isEmpty else { return nil }
        return "the filter policy is \(policyText): " + problems.joined(separator: ", and ")
    }
}
