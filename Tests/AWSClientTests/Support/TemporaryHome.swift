import Foundation

/// A temporary HOME with `.aws/config` and `.aws/credentials`, removed when the value goes away.
final class TemporaryHome: Sendable {
    let path: String

    init(config: String? = nil, credentials: String? = nil) throws {
        path = NSTemporaryDirectory() + "labguide-aws-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try config.write(toFile: path + "/.aws/config", atomically: true, encoding: .utf8) }
        if let credentials {
            try credentials.write(toFile: path + "/.aws/credentials", atomically: true, encoding: .utf8)
        }
    }

    func write(_ text: String, to relativePath: String) throws -> String {
        let file = path + "/" + relativePath
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
