/// Runs `body` for every element with at most `limit` running at once, keeping the input order in the results.
///
/// The sandbox shares two cores with everything else, so scans and removals go concurrent without flooding it.
func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], limit: Int = 6, _ body: @escaping @Sendable (Element) async -> Result
) async -> [Result] {
    await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: elements.count)
        var next = 0
        func startNext() {
            guard next < elements.count else { return }
            let index = next
            let element = elements[index]
            group.addTask { (index, await body(element)) }
            next += 1
        }
        for _ in 0..<min(limit, elements.count) { startNext() }
        while let (index, result) = await group.next() {
            results[index] = result
            startNext()
        }
        return results.compactMap { $0 }
    }
}
