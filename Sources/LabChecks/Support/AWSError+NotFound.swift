import AWSClient

extension AWSError {
    /// True for each service's way of saying "no such resource": what cleanup counts as already removed and what
    /// `observe` counts as missing.
    var isNotFound: Bool {
        guard kind == .service else { return false }
        let words = ["NotFound", "NoSuchEntity", "NonExistent", "DoesNotExist"]
        return words.contains { code.contains($0) || (legacyCode ?? "").contains($0) }
    }
}

/// Runs `operation`, turning a not-found error into nil.
func nilIfNotFound<Value: Sendable>(_ operation: () async throws -> Value) async throws -> Value? {
    do {
        return try await operation()
    } catch let error as AWSError where error.isNotFound {
        return nil
    }
}
