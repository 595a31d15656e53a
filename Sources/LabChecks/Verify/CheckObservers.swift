/// The observer of every check in `CheckCatalog`: reads the learner's account and decides passed or failed.
///
/// Observers are read-only, except `messaging.fan-out`, which removes its own probe messages.
enum CheckObservers {
    static func observe(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        switch check.name {
        default:
            return .unsupported("LabGuide has no observer for the check '\(check.name)' yet.")
        }
    }

    /// Why the sandbox cannot answer a check, and what a real account is checked for.
    static func unsupportedReason(for check: RenderedCheck) -> String {
        "The sandbox emulator cannot answer this check. On a real AWS account Verify checks that \(check.summary)."
    }
}
