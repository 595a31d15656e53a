import Foundation
import Logging
import Synchronization

/// The append-only file of every successful write, one JSON object a line, kept beside the database.
///
/// Each line is written as soon as moto has answered, so a `kill -9` of LabGuide loses at most the call in flight.
final class SandboxRecording: Sendable {
    let file: URL
    private let handle = Mutex<FileHandle?>(nil)
    /// Identifiers already in the recording, per account: a read that shows a new one is recorded too.
    private let knownIdentifiers = Mutex<[String: Set<String>]>([:])
    private let logger: Logger

    init(file: URL, logger: Logger) {
        self.file = file
        self.logger = logger
    }

    /// Records a write; a read only when its answer shows an id the recording has not seen yet.
    ///
    /// Some ids reach a learner only through a read: Cloud Map answers `CreateHttpNamespace` with an operation id,
    /// and the namespace id comes from `ListNamespaces`. Replaying that read is what lets the restorer pair the
    /// namespace's old id with its new one; reads that show nothing new are left out, so Verify's many reads do
    /// not grow the file.
    func record(_ call: RecordedCall, isWrite: Bool) {
        let identifiers = Set(
            IdentifierAliases.tokens(in: String(decoding: call.response, as: UTF8.self))
                .filter(IdentifierAliases.isIdentifier))
        let isNew = knownIdentifiers.withLock { known in
            let unseen = identifiers.subtracting(known[call.account] ?? [])
            known[call.account, default: []].formUnion(unseen)
            return !unseen.isEmpty
        }
        if isWrite || isNew { append(call) }
    }

    private func append(_ call: RecordedCall) {
        guard var line = try? JSONEncoder().encode(call) else { return }
        line.append(0x0A)
        handle.withLock { handle in
            do {
                if handle == nil {
                    if !FileManager.default.fileExists(atPath: file.path) {
                        FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
                    }
                    handle = try FileHandle(forWritingTo: file)
                }
                try handle?.seekToEnd()
                try handle?.write(contentsOf: line)
            } catch {
                logger.error(
                    "Cannot append to the sandbox recording",
                    metadata: ["sandbox.recording": "\(file.path)", "error": "\(error.localizedDescription)"])
                handle = nil
            }
        }
    }

    /// Every call recorded so far, oldest first; a torn last line (a crash mid-write) is skipped.
    func readAll() -> [RecordedCall] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let decoder = JSONDecoder()
        let calls = data.split(separator: 0x0A).compactMap { try? decoder.decode(RecordedCall.self, from: Data($0)) }
        knownIdentifiers.withLock { known in
            for call in calls {
                let tokens = IdentifierAliases.tokens(in: String(decoding: call.response, as: UTF8.self))
                known[call.account, default: []].formUnion(tokens.filter(IdentifierAliases.isIdentifier))
            }
        }
        return calls
    }
}
