public import Logging

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes log lines to standard error in the same shape as swift-log's `StreamLogHandler`.
///
/// `StreamLogHandler` formats its metadata every time metadata is set, and Hummingbird sets a request id on every
/// request, so every page paid for formatting a log line it never wrote. This handler formats only when it writes.
public struct ConsoleLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = ConsoleLogHandler.writeToStandardError) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, explicit in explicit } }
        if let error = event.error { all["error.message"] = "\(error)" }
        let pairs = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        write(
            "\(Self.timestamp()) \(event.level) \(label):\(pairs.isEmpty ? "" : " " + pairs) [\(event.source)] \(event.message)\n"
        )
    }

    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        var line = line
        // One write(2) per line: lines from several threads never interleave.
        line.withUTF8 { bytes in writeToStandardErrorDescriptor(bytes) }
    }

    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The C library's `write(2)`, outside the handler so its `write` property does not hide it.
private func writeToStandardErrorDescriptor(_ bytes: UnsafeBufferPointer<UInt8>) {
    _ = write(2, bytes.baseAddress, bytes.count)
}
