import Foundation
import Hummingbird
import HummingbirdTesting
import LabContent
import LabGuideServer
import LabStore
import Logging

/// Builds the real application over the repository's labs and templates and a fresh in-memory database.
enum TestApp {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameters:
    ///   - configure: changes to the test configuration (short timeouts, a small pool).
    ///   - logger: where the application logs; by default nothing below critical.
    static func make(
        sessionLifetime: Duration = .seconds(3600), configure: (inout AppConfiguration) -> Void = { _ in },
        logger: Logger? = nil
    ) async throws -> (some ApplicationProtocol, AppDatabase) {
        let database = try AppDatabase.makeInMemory()
        let labs = try LabLibrary.load(from: repositoryRoot.appendingPathComponent("labs"))
        let renderer = try await PageRenderer.load(from: repositoryRoot.appendingPathComponent("Templates"))
        var configuration = AppConfiguration(
            region: "eu-west-1", resourcesDirectory: repositoryRoot, sessionLifetime: sessionLifetime)
        configure(&configuration)
        let logger =
            logger
            ?? {
                var quiet = Logger(label: "test")
                quiet.logLevel = .critical
                return quiet
            }()
        let app = try buildApplication(
            configuration: configuration,
            dependencies: AppDependencies(database: database, labs: labs, renderer: renderer), logger: logger)
        return (app, database)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    var errorMessage: String? {
        ((try? json())?["error"] as? [String: Any])?["message"] as? String
    }

    /// The `name=value` part of a Set-Cookie header for the named cookie.
    func cookie(named name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }?.split(separator: ";").first.map(String.init)
    }
}

extension TestClientProtocol {
    /// Joins through the API and returns the session cookie pair, e.g. `lg_session=…`.
    func join(_ name: String) async throws -> String {
        try await execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"name": \#(jsonString(name))}"#)
        ) { response in
            guard response.status == .created, let cookie = response.cookie(named: "lg_session") else {
                throw HTTPError(.internalServerError, message: "join failed: \(response.status) \(response.text)")
            }
            return cookie
        }
    }
}

func jsonString(_ value: String) -> String {
    String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
}
