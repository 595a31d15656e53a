import Foundation

/// The environment variables the client reads, injected so that tests never depend on (or change) the process
/// environment.
public struct AWSEnvironment: Sendable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The current process environment.
    public static var process: AWSEnvironment {
        AWSEnvironment(ProcessInfo.processInfo.environment)
    }

    /// A value, treating an empty string as unset (the SDKs do the same).
    public subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// Whether a variable is set to `true` (case-insensitive).
    public func isTrue(_ name: String) -> Bool {
        self[name]?.lowercased() == "true"
    }

    /// The home folder, from `HOME`, so that a test can point it at a temporary folder.
    var homeDirectory: String {
        self["HOME"] ?? NSHomeDirectory()
    }

    func expandingTilde(_ path: String) -> String {
        path.hasPrefix("~/") ? homeDirectory + String(path.dropFirst()) : path
    }
}
