public import Foundation

/// One learner's standing in a lab, as the class view reads it: progress per step, where they are, and when they
/// last did anything.
public struct LearnerActivity: Sendable, Equatable {
    public var learner: Learner
    /// Keyed by step id.
    public var progress: [String: StepProgress]
    /// The step of their latest view in this lab, and when that view was.
    public var currentStepID: String?
    public var currentStepSince: Date?
    /// Their latest event of any kind.
    public var lastActivityAt: Date?

    public init(
        learner: Learner, progress: [String: StepProgress], currentStepID: String?, currentStepSince: Date?,
        lastActivityAt: Date?
    ) {
        self.learner = learner
        self.progress = progress
        self.currentStepID = currentStepID
        self.currentStepSince = currentStepSince
        self.lastActivityAt = lastActivityAt
    }
}
