import ArgumentParser
import Foundation
import LabGuideServer
import LabStore

/// `labguide instructor-key --rotate`: a new instructor key, printed once as a sign-in link that works once.
///
/// Every instructor session of the old key ends; the server need not restart (it reads the key from the store).
struct InstructorKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instructor-key", abstract: "Replace the instructor key and print its one-time sign-in link.")

    @Flag(help: "Replace the key; without it the command only says whether there is one.")
    var rotate = false

    @Option(help: "SQLite database file of the server.")
    var database: String = environment("DATABASE") ?? "labguide.sqlite"

    @Option(help: "How browsers reach the server, for the link.")
    var url: String = environment("PUBLIC_URL") ?? "http://127.0.0.1:\(environment("PORT") ?? "8080")"

    func run() async throws {
        let store = try openDatabaseOrExit(atPath: database)
        guard rotate else {
            let credential = try await store.instructorCredential()
            print(
                credential == nil
                    ? "No instructor key yet: labguide serve makes one." : "An instructor key is set; --rotate replaces it.")
            return
        }
        print("Instructor sign-in link (works once): \(try await InstructorKeySetup.rotate(in: store, baseURL: url))")
    }
}

/// What `serve` and `instructor-key` do with the key: adopt a configured one, or generate and print one.
enum InstructorKeySetup {
    /// A new one-time key; returns its sign-in link.
    static func rotate(in store: AppDatabase, baseURL: String) async throws -> String {
        let key = InstructorKey.make()
        try await store.replaceInstructorKey(InstructorCredential(keyHash: key.hash, isOneTime: true, createdAt: Date()))
        return key.signInURL(baseURL: baseURL)
    }

    /// At start-up: the configured key replaces any other; without one, the first start generates one and prints
    /// its link once. Only hashes are stored, and the configured key itself is never printed.
    static func prepare(store: AppDatabase, configuredKey: String?, baseURL: String) async throws -> String? {
        if let configuredKey, !configuredKey.isEmpty {
            try await store.adoptConfiguredInstructorKey(hash: InstructorKey(configuredKey).hash, at: Date())
            return "Instructor: sign in at \(baseURL)/instructor/sign-in with the key given by --instructor-key."
        }
        guard try await store.instructorCredential() == nil else { return nil }
        return "Instructor sign-in link (works once): \(try await rotate(in: store, baseURL: baseURL))"
    }
}
