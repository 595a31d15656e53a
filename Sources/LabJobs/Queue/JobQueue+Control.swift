public import LabStore

extension JobQueue {
    /// Cancels a job: queued ones at once, running ones at their next checkpoint. Nil when there is no such job.
    ///
    /// A job running in this process is stopped now; one running elsewhere sees the flag at its next heartbeat.
    @discardableResult
    public func cancel(jobID: Int64) async throws -> JobRecord? {
        let job = try await database.requestCancel(jobID: jobID, now: clock.now())
        if job?.state == .running {
            runningControls.control(for: jobID)?.stop(.cancelRequested)
        }
        signal.notify(.job(jobID))
        return job
    }

    /// Queues a discarded or cancelled job again; throws `JobStoreError` for other states. Nil when there is none.
    @discardableResult
    public func retry(jobID: Int64) async throws -> JobRecord? {
        let job = try await database.retryJob(jobID: jobID, now: clock.now())
        if job != nil {
            signal.notify(.queue)
            signal.notify(.job(jobID))
        }
        return job
    }

    /// Returns when the job logs, progresses or changes state in this process, or after `timeout`.
    ///
    /// Callers read the store afterwards either way: a job run by another process only shows up there.
    public func waitForChange(jobID: Int64, timeout: Duration) async {
        await waitForSignal(.job(jobID), after: signal.generation(of: .job(jobID)), timeout: timeout)
    }

    /// Waits for `topic` to move past `generation`, at most `timeout`.
    func waitForSignal(_ topic: JobSignal.Topic, after generation: UInt64, timeout: Duration) async {
        let signal = self.signal
        let clock = self.clock
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await signal.wait(for: topic, after: generation) }
            group.addTask { try? await clock.sleep(for: timeout) }
            _ = await group.next()
            group.cancelAll()
        }
    }

    /// The current generation of a job's changes, to pass to `waitForChange(jobID:after:timeout:)`.
    public func changeGeneration(jobID: Int64) -> UInt64 {
        signal.generation(of: .job(jobID))
    }

    /// Like `waitForChange(jobID:timeout:)`, but returns at once if the job changed since `generation` was read.
    public func waitForChange(jobID: Int64, after generation: UInt64, timeout: Duration) async {
        await waitForSignal(.job(jobID), after: generation, timeout: timeout)
    }
}
