/// When a connection must be closed for want of progress, as a plain value: the handler feeds it what happens and
/// does what it answers (`ConnectionGuardHandler`).
///
/// - Between requests, a connection may stay idle for `idleTimeout`.
/// - Once the first byte of a request arrives, its head must be complete within `headerReadTimeout`.
/// - While a request body arrives, each part must follow the last within `idleTimeout`.
/// - While a response is being prepared, no deadline runs: the route bounds its own work.
struct ConnectionDeadlines: Sendable {
    enum Action: Equatable, Sendable {
        case schedule(Duration)
        case cancel
        case none
    }

    let headerReadTimeout: Duration
    let idleTimeout: Duration
    /// Requests whose head arrived and whose response has not ended.
    private(set) var pendingResponses = 0
    private(set) var isReadingHead = false
    private var isReadingBody = false

    init(headerReadTimeout: Duration, idleTimeout: Duration) {
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
    }

    /// The connection opened: idle until the first byte.
    func opened() -> Action { .schedule(idleTimeout) }

    /// Bytes arrived; on an idle connection they start a request head.
    mutating func bytesArrived() -> Action {
        guard pendingResponses == 0, !isReadingHead else { return .none }
        isReadingHead = true
        return .schedule(headerReadTimeout)
    }

    mutating func headReceived() -> Action {
        isReadingHead = false
        isReadingBody = true
        pendingResponses += 1
        return .schedule(idleTimeout)
    }

    mutating func bodyReceived() -> Action {
        isReadingBody ? .schedule(idleTimeout) : .none
    }

    /// The request is read; the connection waits for its response, or is idle when the response already went
    /// (a page answered from memory is written before its request's end arrives).
    mutating func endReceived() -> Action {
        isReadingBody = false
        return pendingResponses == 0 ? .schedule(idleTimeout) : .cancel
    }

    /// A response ended; with none left to send the connection is idle again.
    mutating func responseEnded() -> Action {
        pendingResponses = max(0, pendingResponses - 1)
        guard pendingResponses == 0, !isReadingBody else { return .none }
        return .schedule(idleTimeout)
    }
}
