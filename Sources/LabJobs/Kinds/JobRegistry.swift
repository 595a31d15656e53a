import Foundation

/// The kinds a worker can run, by name; a job of an unknown kind is discarded with a clear message.
public struct JobRegistry: Sendable {
    private var kinds: [String: RegisteredJobKind] = [:]

    public init() {}

    /// Adds a kind; registering the same name again replaces the earlier one.
    public mutating func register<Kind: JobKind>(_ kind: Kind) {
        kinds[Kind.name] = RegisteredJobKind(name: Kind.name, retryPolicy: kind.retryPolicy) { arguments, context in
            let decoded: Kind.Arguments
            do {
                decoded = try JSONDecoder().decode(Kind.Arguments.self, from: Data(arguments.utf8))
            } catch {
                throw JobFailure.permanent("The job's arguments do not fit the \(Kind.name) kind: \(error)")
            }
            let output = try await kind.run(decoded, context: context)
            return String(decoding: try JSONEncoder.jobs.encode(output), as: UTF8.self)
        }
    }

    /// The names of every registered kind, sorted.
    public var names: [String] { kinds.keys.sorted() }

    /// The retry policy jobs of this kind are enqueued with, if the kind is registered.
    public func retryPolicy(forKind name: String) -> JobRetryPolicy? { kinds[name]?.retryPolicy }

    func kind(named name: String) -> RegisteredJobKind? { kinds[name] }
}

extension JSONEncoder {
    /// Arguments and results are stored with sorted keys, so equal values are equal text.
    static var jobs: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
