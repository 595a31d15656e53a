extension String {
    /// The candidate closest to this misspelling, if one is close enough to be the likely intent.
    ///
    /// Used to turn "unknown key 'titel'" into "did you mean 'title'?": at most two edits, and fewer than the word
    /// is long, so short unrelated words are not suggested.
    func closestMatch(in candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(to: candidate)
            if distance <= 2, distance < count, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `message` followed by a suggestion when one of `candidates` is close to this string.
    func withSuggestion(from candidates: some Sequence<String>, _ message: String) -> String {
        guard let match = closestMatch(in: candidates) else { return message }
        return "\(message); did you mean '\(match)'?"
    }

    /// Levenshtein distance, case-insensitive so `accountID` finds `accountId`.
    private func editDistance(to other: String) -> Int {
        let source = Array(lowercased())
        let target = Array(other.lowercased())
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for sourceIndex in 1...source.count {
            current[0] = sourceIndex
            for targetIndex in 1...target.count {
                let substitution = previous[targetIndex - 1] + (source[sourceIndex - 1] == target[targetIndex - 1] ? 0 : 1)
                current[targetIndex] = Swift.min(previous[targetIndex] + 1, current[targetIndex - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }
}
