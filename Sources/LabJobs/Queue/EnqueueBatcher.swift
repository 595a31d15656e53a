public import Foundation
public import LabStore
import Synchronization

/// Commits enqueues that arrive together in one transaction (group commit), so a class clicking at once costs one
/// write per batch instead of one per click.
///
/// No background task: the first caller to find no batch in flight becomes the leader and writes everything pending,
/// again and again while more arrives; the others wait for their answer. A lone caller is written at once, alone.
final class EnqueueBatcher: Sendable {
    typealias Answer = (job: JobRecord, isNew: Bool)

    private struct Pending {
        let job: NewJob
        let event: LearnerEvent?
        let continuation: CheckedContinuation<Answer, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var isWriting = false
    }

    /// At most this many jobs share one transaction, so one batch never holds the write lock for long.
    static let maximumBatch = 256
    private let state = Mutex(State())

    func enqueue(_ job: NewJob, event: LearnerEvent?, at now: @escaping @Sendable () -> Date, into database: AppDatabase)
        async throws -> Answer
    {
        try await withCheckedThrowingContinuation { continuation in
            let isLeader = state.withLock { state in
                state.pending.append(Pending(job: job, event: event, continuation: continuation))
                guard !state.isWriting else { return false }
                state.isWriting = true
                return true
            }
            guard isLeader else { return }
            // The leader's own work is written here, on its task, along with everyone else's.
            Task { await self.writePending(into: database, at: now) }
        }
    }

    private func writePending(into database: AppDatabase, at now: @Sendable () -> Date) async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let batch = Array(state.pending.prefix(Self.maximumBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.isWriting = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let answers = try await database.enqueueJobs(batch.map { (job: $0.job, event: $0.event) }, at: now())
                for (pending, answer) in zip(batch, answers) { pending.continuation.resume(returning: answer) }
            } catch {
                // One bad job must not fail its neighbours: write each alone, so each gets its own answer.
                for pending in batch {
                    do {
                        pending.continuation.resume(
                            returning: try await database.enqueueJob(pending.job, at: now(), event: pending.event))
                    } catch {
                        pending.continuation.resume(throwing: error)
                    }
                }
            }
        }
    }
}
