import Foundation
import Logging
import Synchronization

/// Replays the recording into a fresh moto, one account per task, learning the identifiers moto assigns anew.
struct SandboxRestorer: Sendable {
    let recording: SandboxRecording
    let aliases: IdentifierAliases
    let forwarder: EmulatorForwarder
    let status: SandboxStatus
    let logger: Logger
    /// Accounts are independent, so several replay at once; calls within one account keep their order.
    var concurrentAccounts = 4

    /// Returns how many calls were replayed and how many moto refused this time.
    func restore(into emulator: URL, publicHost: String) async -> (replayed: Int, refused: Int) {
        let calls = recording.readAll()
        guard !calls.isEmpty else { return (0, 0) }
        let byAccount = Dictionary(grouping: calls, by: \.account)
        let total = calls.count
        status.update(.restoring(done: 0, total: total))
        let progress = ReplayProgress()
        var refused = 0
        await withTaskGroup(of: Int.self) { group in
            var pending = byAccount.values.makeIterator()
            func startNext() {
                guard let accountCalls = pending.next() else { return }
                group.addTask {
                    await replay(accountCalls, into: emulator, host: publicHost, progress: progress, total: total)
                }
            }
            for _ in 0..<concurrentAccounts { startNext() }
            while let failures = await group.next() {
                refused += failures
                startNext()
            }
        }
        logger.info(
            "Sandbox restored from its recording",
            metadata: ["sandbox.calls": "\(total)", "sandbox.refused": "\(refused)", "sandbox.accounts": "\(byAccount.count)"])
        return (total, refused)
    }

    private func replay(
        _ calls: [RecordedCall], into emulator: URL, host: String, progress: ReplayProgress, total: Int
    ) async -> Int {
        var refused = 0
        for call in calls {
            var headers = call.headers.map { (name: $0.key, value: $0.value) }
            headers.append((name: "Authorization", value: call.replayAuthorization))
            do {
                let answer = try await forwarder.send(
                    to: emulator, method: call.method, target: aliases.toCurrent(call.target, account: call.account),
                    host: host, headers: headers, body: aliases.toCurrent(call.body, account: call.account),
                    account: call.account)
                if answer.status < 400 {
                    aliases.learn(account: call.account, recorded: call.response, replayed: answer.body)
                } else {
                    refused += 1
                    logger.debug(
                        "A recorded sandbox call was refused on replay",
                        metadata: ["sandbox.account": "\(call.account)", "http.status": "\(answer.status)"])
                }
            } catch {
                refused += 1
            }
            let done = progress.advance()
            if done % 50 == 0 { status.update(.restoring(done: done, total: total)) }
        }
        return refused
    }
}

/// Counts replayed calls across the accounts' tasks.
private final class ReplayProgress: Sendable {
    private let count = Mutex(0)
    func advance() -> Int {
        count.withLock {
            $0 += 1; return $0
        }
    }
}
