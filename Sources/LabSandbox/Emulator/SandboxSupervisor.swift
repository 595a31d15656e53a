import Foundation
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps moto running for as long as LabGuide serves: starts it, restores the recording into it, starts it again
/// whenever it dies, and stops it on shutdown.
struct SandboxSupervisor: Service {
    let settings: SandboxSettings
    let status: SandboxStatus
    let restorer: SandboxRestorer
    /// Called with the emulator's endpoint once it is ready (see `Sandbox.makeServices`).
    let warmUp: (@Sendable (URL) async -> Void)?
    let logger: Logger

    func run() async throws {
        let current = CurrentProcess()
        try await withGracefulShutdownHandler {
            var failures = 0
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                do {
                    killOrphan()
                    let moto = try await MotoProcess.launch(executable: settings.motoExecutable, port: LoopbackPort.makeFree())
                    current.set(moto)
                    try? String(moto.processIdentifier).write(to: settings.pidFile, atomically: true, encoding: .utf8)
                    let host = settings.publicEndpoint.host.map { "\($0):\(settings.port)" } ?? "127.0.0.1"
                    _ = await restorer.restore(into: moto.endpoint, publicHost: host)
                    status.update(.ready, emulatorEndpoint: moto.endpoint)
                    try? settings.publicEndpoint.absoluteString.write(
                        to: settings.endpointFile, atomically: true, encoding: .utf8)
                    logger.info("Sandbox ready", metadata: ["sandbox.endpoint": "\(settings.publicEndpoint)"])
                    failures = 0
                    if let warmUp { await warmUp(moto.endpoint) }
                    let exitStatus = await moto.waitForExit()
                    current.set(nil)
                    guard !Task.isShuttingDownGracefully && !Task.isCancelled else { break }
                    logger.error(
                        "The sandbox emulator exited; starting it again", metadata: ["sandbox.exitStatus": "\(exitStatus)"])
                    status.update(.down(reason: "the emulator exited (status \(exitStatus))"), countsRestart: true)
                } catch {
                    failures += 1
                    logger.error("The sandbox emulator did not start", metadata: ["error": "\(error)"])
                    status.update(.down(reason: "\(error)"))
                }
                // Back off when moto keeps failing, so a broken install does not spin the CPU.
                try? await Task.sleep(for: .milliseconds(min(200 * (1 << min(failures, 5)), 5_000)))
            }
        } onGracefulShutdown: {
            current.stopAll()
        }
        let lastPID = current.stopAll()
        // Only our own files: a server started on the same database while this one shut down has written its own.
        if let lastPID, (try? String(contentsOf: settings.pidFile, encoding: .utf8)) == String(lastPID) {
            try? FileManager.default.removeItem(at: settings.pidFile)
            try? FileManager.default.removeItem(at: settings.endpointFile)
        }
    }

    private func killOrphan() {
        Self.stopOrphan(settings: settings, logger: logger)
    }

    /// A moto left behind by a LabGuide that was killed (`kill -9` skips shutdown) still holds its state and a port,
    /// and may hold the killed server's listening sockets too: stop it, and wait until it is gone, before anything
    /// binds a port, so the recording, not a stale process, is the one source of truth.
    static func stopOrphan(settings: SandboxSettings, logger: Logger) {
        guard let text = try? String(contentsOf: settings.pidFile, encoding: .utf8), let pid = Int32(text),
            let commandLine = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
            commandLine.contains("moto_server")
        else { return }
        logger.notice("Stopping a sandbox emulator left by an earlier run", metadata: ["sandbox.pid": "\(pid)"])
        kill(pid, SIGKILL)
        for _ in 0..<100 where FileManager.default.fileExists(atPath: "/proc/\(pid)/cmdline") {
            usleep(20_000)
        }
    }
}

/// The moto process running now, for the shutdown handler.
private final class CurrentProcess: Sendable {
    private let process = Mutex<MotoProcess?>(nil)
    private let lastPID = Mutex<Int32?>(nil)

    func set(_ moto: MotoProcess?) {
        process.withLock { $0 = moto }
        if let moto { lastPID.withLock { $0 = moto.processIdentifier } }
    }

    /// Stops the running moto, if any, and returns the pid of the last one started.
    @discardableResult
    func stopAll() -> Int32? {
        process.withLock { $0 }?.stop()
        return lastPID.withLock { $0 }
    }
}
