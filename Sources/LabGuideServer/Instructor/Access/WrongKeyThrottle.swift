import Foundation
import Hummingbird
import Synchronization

/// Slows down guessing the instructor key: after `freeTries` wrong keys from one address within `window`, every
/// try from it waits, twice as long after each further wrong key (capped), and gets 429 with `Retry-After`.
final class WrongKeyThrottle: Sendable {
    private struct Record {
        var wrongTries: Int
        var lastWrongAt: Date
    }

    let freeTries: Int
    let window: TimeInterval
    let maximumWait: TimeInterval
    private let records = Mutex<[String: Record]>([:])

    init(freeTries: Int = 5, window: TimeInterval = 15 * 60, maximumWait: TimeInterval = 300) {
        self.freeTries = freeTries
        self.window = window
        self.maximumWait = maximumWait
    }

    /// Throws 429 while `address` must wait; checked before the key is.
    func admit(_ address: String?, now: Date) throws {
        let wait = records.withLock { records -> TimeInterval? in
            guard let record = records[address ?? ""], now.timeIntervalSince(record.lastWrongAt) < window else { return nil }
            let remaining = self.wait(after: record.wrongTries) - now.timeIntervalSince(record.lastWrongAt)
            return remaining > 0 ? remaining : nil
        }
        if let wait {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw HTTPError(
                .tooManyRequests, headers: [.retryAfter: String(seconds)],
                message: "Too many wrong instructor keys from this address; try again in \(seconds) s.")
        }
    }

    func recordWrongKey(_ address: String?, now: Date) {
        records.withLock { records in
            if records.count > 10_000 { records.removeAll(keepingCapacity: true) }
            let key = address ?? ""
            var record = records[key] ?? Record(wrongTries: 0, lastWrongAt: now)
            if now.timeIntervalSince(record.lastWrongAt) >= window { record.wrongTries = 0 }
            record.wrongTries += 1
            record.lastWrongAt = now
            records[key] = record
        }
    }

    func recordSignIn(_ address: String?) {
        _ = records.withLock { $0.removeValue(forKey: address ?? "") }
    }

    /// No wait for the first `freeTries`, then 2 s, 4 s, 8 s … up to `maximumWait`.
    private func wait(after wrongTries: Int) -> TimeInterval {
        guard wrongTries >= freeTries else { return 0 }
        return min(maximumWait, pow(2, Double(wrongTries - freeTries + 1)))
    }
}
