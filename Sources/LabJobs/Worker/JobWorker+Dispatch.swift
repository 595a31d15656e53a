import LabStore
import Synchronization

extension JobWorker {
    private enum DispatchEvent: Sendable {
        case finished
        case woke
        case graceElapsed
    }

    /// Claims and starts jobs while slots are free, until shutdown and its grace period are over.
    ///
    /// While the queue has a backlog, free slots are refilled half a pool at a time: one claim transaction then
    /// serves several jobs. A waker task waits for an enqueue in this process, shutdown, or the poll interval.
    func dispatch() async {
        let workerCount = configuration.workerCount
        await withTaskGroup(of: DispatchEvent.self) { group in
            var running = 0
            var isWaking = false
            var hasBacklog = false
            var isGraceTimerSet = false
            while !Task.isCancelled {
                if isStopping {
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
                    if free > 0, !hasBacklog || running == 0 || free >= max(1, workerCount / 2) {
                        let claimed = await claim(limit: free)
                        hasBacklog = claimed.count == free
                        for job in claimed {
                            running += 1
                            group.addTask {
                                await self.runClaimed(job)
                                return .finished
                            }
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
                case .finished: running -= 1
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
