/// A list operation as an `AsyncSequence` of items: pages are fetched lazily, each with the token the previous page
/// returned, until a page comes back without one.
public struct PaginatedSequence<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Fetch = @Sendable (_ token: String?) async throws -> (items: [Element], nextToken: String?)

    private let fetch: Fetch

    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let fetch: Fetch
        private var buffer: [Element] = []
        private var position = 0
        private var nextToken: String?
        private var isFinished = false

        init(fetch: @escaping Fetch) {
            self.fetch = fetch
        }

        public mutating func next() async throws -> Element? {
            while position >= buffer.count {
                if isFinished { return nil }
                let page = try await fetch(nextToken)
                buffer = page.items
                position = 0
                nextToken = page.nextToken
                if nextToken?.isEmpty ?? true { isFinished = true }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }

    /// Collects every item (for small lists and tests).
    public func collect() async throws -> [Element] {
        var items: [Element] = []
        for try await item in self { items.append(item) }
        return items
    }
}
