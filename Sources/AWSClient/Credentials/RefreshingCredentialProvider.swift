public import Foundation

/// Caches temporary credentials and fetches new ones before they expire, one fetch at a time. Time comes from an
/// injected wall clock (expirations are wall-clock instants), so tests can move past an expiry without waiting.
public actor RefreshingCredentialProvider: CredentialProvider {
    public typealias Fetch = @Sendable () async throws -> AWSCredentials

    private let fetch: Fetch
    private let now: @Sendable () -> Date
    /// Refresh this long before the expiration (botocore refreshes 15 minutes early; 5 minutes keeps short-lived test
    /// credentials usable).
    private let refreshMargin: TimeInterval
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?
    public private(set) var fetchCount = 0

    public init(
        refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }, fetch: @escaping Fetch
    ) {
        self.fetch = fetch
        self.now = now
        self.refreshMargin = refreshMargin
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !cached.isExpired(at: now(), margin: refreshMargin) {
            return cached
        }
        if let inFlight {
            return try await inFlight.value
        }
        let fetch = self.fetch
        let task = Task { try await fetch() }
        inFlight = task
        defer { inFlight = nil }
        do {
            let fresh = try await task.value
            fetchCount += 1
            if fresh.isExpired(at: now()) {
                throw AWSError.makeNoCredentials(
                    "the credentials just fetched have already expired (expiration \(fresh.expiration.map { "\($0)" } ?? "unknown"))"
                )
            }
            cached = fresh
            return fresh
        } catch {
            // Keep using still-valid credentials when a refresh fails early, as the SDKs do.
            if let cached, !cached.isExpired(at: now()) { return cached }
            throw error
        }
    }
}
