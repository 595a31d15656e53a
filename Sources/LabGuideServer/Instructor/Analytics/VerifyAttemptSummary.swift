import Foundation

/// One Verify attempt as the class view needs it: which step, when, and which checks failed with what message.
///
/// Built from the store's verify attempts; the analytics stay pure functions of these values and a clock.
struct VerifyAttemptSummary: Sendable, Equatable {
    struct FailedCheck: Sendable, Equatable {
        let name: String
        let message: String
    }

    let stepID: String
    let at: Date
    let isPassed: Bool
    let failedChecks: [FailedCheck]
}

/// Values in the middle of a sorted list; nil for none.
func median(_ values: [TimeInterval]) -> TimeInterval? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}
