import Foundation

/// A display name as typed on the join form, checked before anything is stored.
struct LearnerName: Sendable {
    static let maximumLength = 80
    /// Characters alone bound nothing: one letter with 30,000 combining marks is one character of 60 KB.
    static let maximumBytes = 256

    let value: String

    /// Trims surrounding white space and rejects names a page or a log could not show safely.
    ///
    /// HTML in a name is allowed and stored as text: templates escape it everywhere it appears.
    init(validating raw: String) throws(LearnerNameError) {
        if raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .containsControlCharacters
        }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw .empty }
        if trimmed.utf8.count > Self.maximumBytes { throw .tooManyBytes(trimmed.utf8.count) }
        if trimmed.count > Self.maximumLength { throw .tooLong(trimmed.count) }
        value = trimmed
    }
}

/// Why a display name was refused; the message goes straight to the learner.
enum LearnerNameError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case tooManyBytes(Int)
    case containsControlCharacters

    var description: String {
        switch self {
        case .empty: "Enter a display name to join."
        case .tooLong(let count):
            "A display name can have at most \(LearnerName.maximumLength) characters; this one has \(count)."
        case .tooManyBytes(let count):
            "A display name can take at most \(LearnerName.maximumBytes) bytes of UTF-8; this one takes \(count)."
        case .containsControlCharacters: "A display name cannot contain control characters such as tabs or line breaks."
        }
    }
}
