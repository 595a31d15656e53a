public import Foundation

/// Where the sandbox keeps its files and where learners reach it.
///
/// Everything lives in one folder beside the database (`labguide.sqlite` → `labguide.sandbox/`), so a backup of the
/// two together brings every learner's sandbox back, and the CLI finds the running sandbox from the database path.
public struct SandboxSettings: Sendable {
    /// The folder holding the secret, the recording, moto's pid file and the endpoint file.
    public let directory: URL
    /// The address the proxy listens on: the same as the web server's.
    public let bindHost: String
    public let port: Int
    /// What learners' shells are told to use: reachable from their machines when the server is not on loopback.
    public let publicEndpoint: URL
    /// `moto_server`, found on `PATH` unless given.
    public let motoExecutable: String

    public init(directory: URL, bindHost: String, port: Int, publicHost: String? = nil, motoExecutable: String) {
        self.directory = directory
        self.bindHost = bindHost
        self.port = port
        let host = publicHost ?? Self.reachableHost(for: bindHost)
        let hostText = host.contains(":") ? "[\(host)]" : host
        self.publicEndpoint = URL(string: "http://\(hostText):\(port)")!
        self.motoExecutable = motoExecutable
    }

    /// The folder for a database file: its name with `.sandbox` in place of the extension.
    public static func directory(forDatabase path: String) -> URL {
        let database = URL(fileURLWithPath: path)
        return database.deletingPathExtension().appendingPathExtension("sandbox")
    }

    var secretFile: URL { directory.appendingPathComponent("secret") }
    var recordingFile: URL { directory.appendingPathComponent("recording.jsonl") }
    var pidFile: URL { directory.appendingPathComponent("moto.pid") }
    /// Written once the sandbox answers, so `labguide provision` in another process finds it.
    public var endpointFile: URL { directory.appendingPathComponent("endpoint") }

    /// Loopback stays loopback; a wildcard address is replaced by this machine's name, which learners on the same
    /// network can resolve; any other address is already reachable.
    static func reachableHost(for bindHost: String) -> String {
        switch bindHost {
        case "0.0.0.0", "::", "": ProcessInfo.processInfo.hostName
        case "localhost": "127.0.0.1"
        default: bindHost
        }
    }

    /// Finds an executable on `PATH`.
    public static func locate(_ command: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

extension SandboxSettings {
    /// Reads the server secret, creating it on first use; only this process's user can read it.
    public func loadOrCreateSecret() throws -> Data {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let existing = try? Data(contentsOf: secretFile), existing.count >= 32 { return existing }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let data = Data(bytes)
        FileManager.default.createFile(atPath: secretFile.path, contents: data, attributes: [.posixPermissions: 0o600])
        return data
    }
}
