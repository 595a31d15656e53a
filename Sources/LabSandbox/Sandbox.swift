public import Foundation
import Hummingbird
public import Logging
public import ServiceLifecycle

/// The local AWS sandbox: moto as a child process behind a proxy that gives every learner an account of their own.
///
/// `labguide serve --sandbox` builds one and runs its services next to the web server; pages ask it for a learner's
/// account, keys and endpoint, and jobs call the same endpoint with the same keys, so the sandbox and a real account
/// differ only in the endpoint and the credentials.
public struct Sandbox: Sendable {
    public let settings: SandboxSettings
    public let keyring: SandboxKeyring
    public let status: SandboxStatus
    let recording: SandboxRecording
    let aliases = IdentifierAliases()
    let forwarder = EmulatorForwarder()

    public init(settings: SandboxSettings, logger: Logger) throws {
        self.settings = settings
        keyring = SandboxKeyring(secret: try settings.loadOrCreateSecret())
        // Before any port is bound: an emulator orphaned by a killed server may still hold that server's sockets.
        SandboxSupervisor.stopOrphan(settings: settings, logger: logger)
        status = SandboxStatus()
        recording = SandboxRecording(file: settings.recordingFile, logger: logger)
    }

    /// The emulator's supervisor and the learners' endpoint, for the server's `ServiceGroup`.
    ///
    /// `warmUp` runs each time the emulator is ready, with its own endpoint: moto imports a service's code on the
    /// first call to it (a second or two each), so a warm-up call per service saves the class's first Verify that.
    public func makeServices(logger: Logger, warmUp: (@Sendable (URL) async -> Void)? = nil) -> [any Service] {
        let restorer = SandboxRestorer(
            recording: recording, aliases: aliases, forwarder: forwarder, status: status, logger: logger)
        let proxy = SandboxProxy(
            keyring: keyring, status: status, recording: recording, aliases: aliases, forwarder: forwarder,
            logger: logger)
        let endpoint = Application(
            responder: proxy,
            configuration: .init(address: .hostname(settings.bindHost, port: settings.port), serverName: "LabGuide sandbox"),
            logger: logger)
        return [
            SandboxSupervisor(settings: settings, status: status, restorer: restorer, warmUp: warmUp, logger: logger),
            endpoint,
        ]
    }

    public func identity(forLearnerID learnerID: Int64) -> SandboxIdentity {
        keyring.identity(forLearnerID: learnerID)
    }

    /// Ids moto assigned anew after a restart, as (what the learner saw, what moto uses now); the proxy translates
    /// between them, and the page lists them so nothing surprises a learner reading the emulator's own output.
    public func changedIdentifiers(forLearnerID learnerID: Int64) -> [(stable: String, current: String)] {
        aliases.changedIdentifiers(account: identity(forLearnerID: learnerID).accountID)
    }
}
