/// One problem in lab content, located so an editor or a terminal can jump straight to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the directory the labs were loaded from and joined to it (`labs/demo/lab.yaml`).
    public let path: String
    /// The 1-based line in that file.
    public let line: Int
    public let message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, the shape compilers use, so terminals and editors turn it into a link.
    public var description: String {
        "\(path):\(line): \(message)"
    }
}
