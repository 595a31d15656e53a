import Foundation

/// An AWS config or credentials file (INI): sections of `key = value` pairs. Indented lines under a key hold
/// sub-settings (`s3 =` then `  max_concurrent_requests = 20`), which are kept under `key.subkey`.
public struct SharedConfigFile: Sendable {
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    /// Section name exactly as written inside the brackets (`default`, `profile dev`, `services local`).
    public private(set) var sections: [String: [String: String]] = [:]

    public init(sections: [String: [String: String]] = [:]) {
        self.sections = sections
    }

    /// Reads a file; a missing file is an empty file, as in the SDKs.
    ///
    /// Read through a file handle: `Data(contentsOf:)` refuses character devices on Linux, and the sandbox's shell
    /// lines set `AWS_CONFIG_FILE=/dev/null` to keep `~/.aws` out of the way.
    public static func load(path: String) throws -> SharedConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return SharedConfigFile() }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        let data = try handle.readToEnd() ?? Data()
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws -> SharedConfigFile {
        var file = SharedConfigFile()
        var currentSection: String?
        var lastKey: String?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let isIndented = rawLine.first == " " || rawLine.first == "\t"
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else {
                    throw ParseError(path: path, line: lineNumber, message: "section header is missing its closing ']'")
                }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    throw ParseError(path: path, line: lineNumber, message: "section header has no name")
                }
                currentSection = name
                lastKey = nil
                file.sections[name, default: [:]] = file.sections[name] ?? [:]
                continue
            }
            guard let section = currentSection else {
                throw ParseError(
                    path: path, line: lineNumber, message: "setting outside of any [section]: add a [default] header")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(path: path, line: lineNumber, message: "expected 'key = value'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = stripInlineComment(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            guard !key.isEmpty else {
                throw ParseError(path: path, line: lineNumber, message: "setting has no name before '='")
            }
            if isIndented, let parent = lastKey {
                file.sections[section, default: [:]]["\(parent).\(key)"] = value
            } else {
                file.sections[section, default: [:]][key] = value
                lastKey = key
            }
        }
        return file
    }

    /// Drops ` #…` and ` ;…` comments that follow a value after whitespace, as botocore does.
    private static func stripInlineComment(_ value: String) -> String {
        for marker in [" #", "\t#", " ;", "\t;"] {
            if let range = value.range(of: marker) {
                return String(value[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
        }
        return value
    }
}
