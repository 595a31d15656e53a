import Foundation
import LabStore
import Synchronization

extension JobWorker {
    private enum DispatchEvent: Sendable {
        case finished(Duration)
        case woke
        case graceElapsed
    }

    /// Below this running average a job counts as short, and the pool claims up to three pools' worth ahead.
    static var shortJob: Duration { .milliseconds(20) }

    /// Claims and starts jobs while slots are free, until shutdown and its grace period are over.
    ///
    /// While the queue has a backlog, free slots are refilled half a pool at a time, and while jobs are short the
    /// claim takes some ahead (their leases are renewed like the running ones, and given back at shutdown): one
    /// claim transaction then serves many jobs. A waker task waits for an enqueue in this process, shutdown, or the poll interval.
    func dispatch() async {
        let workerCount = configuration.workerCount
        await withTaskGroup(of: DispatchEvent.self) { group in
            var running = 0
            var isWaking = false
            var hasBacklog = false
            var isGraceTimerSet = false
            var waiting: [JobRecord] = []
            var recentDuration = Duration.seconds(1)
            while !Task.isCancelled {
                if isStopping {
                    if !waiting.isEmpty {
                        try? await queue.database.releaseLeases(
                            jobIDs: waiting.map(\.id), owner: owner, now: queue.clock.now())
                        waiting = []
                    }
                    if running == 0 { break }
                    if !isGraceTimerSet {
                        isGraceTimerSet = true
                        let grace = configuration.shutdownGracePeriod
                        group.addTask { [queue] in
                            try? await queue.clock.sleep(for: grace)
                            return .graceElapsed
                        }
                    }
                } else {
                    let free = workerCount - running
                    let generation = queue.signal.generation(of: .queue)
                    if free > 0, waiting.isEmpty, !hasBacklog || running == 0 || free >= max(1, workerCount / 2) {
                        // Claiming ahead pays only for short jobs; a job claimed ahead of a long one would sit
                        // `running` without running.
                        let isShortWork = hasBacklog && recentDuration < Self.shortJob
                        let limit = free + (isShortWork ? configuration.workerCount * 3 : 0)
                        waiting = await claim(limit: limit)
                        hasBacklog = waiting.count == limit
                    }
                    while running < workerCount, !waiting.isEmpty {
                        let job = waiting.removeFirst()
                        running += 1
                        group.addTask {
                            let started = self.queue.clock.now()
                            await self.runClaimed(job)
                            return .finished(.seconds(self.queue.clock.now().timeIntervalSince(started)))
                        }
                    }
                    if !isWaking {
                        isWaking = true
                        let poll = configuration.pollInterval
                        group.addTask { [queue] in
                            await queue.waitForSignal(.queue, after: generation, timeout: poll)
                            return .woke
                        }
                    }
                }
                guard let event = await group.next() else { break }
                switch event {
                case .finished(let duration):
                    running -= 1
                    recentDuration = (recentDuration * 7 + duration) / 8
                case .woke: isWaking = false
                case .graceElapsed: stopRunningJobs(.shutdown)
                }
            }
            group.cancelAll()
        }
    }

    /// Dispatches and beats until shutdown has drained the pool.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.heartbeat(housekeeping: true) }
            await dispatch()
            group.cancelAll()
        }
    }
}
