import Resilience

extension SimulationEngine {
    /// Starts an attempt in the order `retry(breaker(timeout(bulkhead(call))))`: breaker first, then the
    /// bulkhead; the timeout clock starts with the attempt, so it also covers the bulkhead wait.
    mutating func startAttempt(slot: Int32, at now: Int64) {
        let index = Int(slot)
        nextSerial &+= 1
        slots[index].serial = nextSerial
        slots[index].attemptStart = now
        slots[index].reachedDownstream = false
        slots[index].deadline = timeoutNanoseconds.map { now + $0 } ?? .max
        let decision = breaker.acquirePermission(nanoseconds: now)
        if let transition = decision.transition { recorder.record(transition) }
        switch decision.permission {
        case .rejected(let rejection):
            slots[index].permit = nil
            slots[index].decisionState = rejection.state
            finishAttempt(slot: slot, outcome: .rejectedByBreaker, at: now)
            return
        case .permitted(let permit):
            slots[index].permit = permit
            slots[index].decisionState = permit.state
        }
        guard bulkhead != nil else {
            send(slot: slot, at: now)
            return
        }
        switch bulkhead!.acquire(waiter: Self.waiter(slot: slot, serial: nextSerial), nanoseconds: now) {
        case .permitted:
            send(slot: slot, at: now)
        case .wait:
            let expiry = min(now + bulkheadWaitNanoseconds, slots[index].deadline)
            events.schedule(.bulkheadExpiry, at: expiry, slot: slot, serial: nextSerial)
            recorder.noteWaiting(bulkhead!.numberOfWaiters)
        case .rejected:
            recordInBreaker(.ignored, slot: index, at: now)
            finishAttempt(slot: slot, outcome: .rejectedByBulkhead, at: now)
        }
    }

    /// Sends an admitted attempt to inventory; its response or its timeout, whichever comes first, ends it.
    mutating func send(slot: Int32, at now: Int64) {
        let index = Int(slot)
        slots[index].reachedDownstream = true
        attemptsInFlight += 1
        let attempt = slots[index].retry.attempt
        let response = inventory.call(at: now, request: slots[index].request, attempt: attempt)
        recorder.noteSent(
            isRetry: attempt > 1, latency: response.completion - now, inFlight: attemptsInFlight,
            queueDepth: inventory.queueDepth)
        if response.completion <= slots[index].deadline {
            slots[index].pendingOutcome = response.isError ? .failed : .succeeded
            events.schedule(.attemptEnd, at: response.completion, slot: slot, serial: slots[index].serial)
        } else {
            slots[index].pendingOutcome = .timedOut
            events.schedule(.attemptEnd, at: slots[index].deadline, slot: slot, serial: slots[index].serial)
        }
    }

    mutating func endAttempt(slot: Int32, serial: UInt32, at now: Int64) {
        let index = Int(slot)
        guard slots[index].serial == serial else { return }
        attemptsInFlight -= 1
        if bulkhead != nil, let next = bulkhead!.release() {
            let waitingSlot = Int32(truncatingIfNeeded: next >> 32)
            if slots[Int(waitingSlot)].serial == UInt32(truncatingIfNeeded: next) { send(slot: waitingSlot, at: now) }
        }
        let outcome = slots[index].pendingOutcome
        recordInBreaker(outcome == .succeeded ? .success : .failure, slot: index, at: now)
        finishAttempt(slot: slot, outcome: outcome, at: now)
    }

    /// A waiting attempt's maximum wait (or its timeout) has come; if it is still waiting, it gives up.
    mutating func expireBulkheadWait(slot: Int32, serial: UInt32, at now: Int64) {
        let index = Int(slot)
        guard slots[index].serial == serial, !slots[index].reachedDownstream,
            bulkhead!.expire(waiter: Self.waiter(slot: slot, serial: serial))
        else { return }
        let isTimeout = now >= slots[index].deadline
        recordInBreaker(isTimeout ? .failure : .ignored, slot: index, at: now)
        finishAttempt(slot: slot, outcome: isTimeout ? .timedOut : .rejectedByBulkhead, at: now)
    }

    /// Records the attempt, then retries it, or finishes the request with this outcome.
    mutating func finishAttempt(slot: Int32, outcome: CallOutcome, at now: Int64) {
        let index = Int(slot)
        recorder.noteAttempt(at: now)
        if recorder.isRecordingCalls { recorder.recordCall(slots[index], outcome: outcome, at: now) }
        switch outcome {
        case .succeeded:
            if budget != nil { budget!.recordSuccess(refunding: slots[index].retry.lastRetryCost) }
        case .failed, .timedOut:
            if let retryPolicy {
                let failure: AttemptFailure = outcome == .timedOut ? .timeout : .retryable
                let decision = slots[index].retry.next(after: failure, policy: retryPolicy, budget: &budget, using: &jitter)
                if case .retry(let delay) = decision {
                    events.schedule(.attemptStart, at: now + Self.nanoseconds(delay), slot: slot)
                    return
                }
            }
        case .rejectedByBreaker, .rejectedByBulkhead:
            break
        }
        recorder.noteRequestFinished(outcome: outcome, latency: now - slots[index].arrival)
        freeSlots.append(slot)
    }

    private mutating func recordInBreaker(_ outcome: CircuitBreakerOutcome, slot index: Int, at now: Int64) {
        guard let permit = slots[index].permit else { return }
        if let transition = breaker.record(outcome, permit: permit, nanoseconds: now) { recorder.record(transition) }
    }

    static func waiter(slot: Int32, serial: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: slot)) << 32 | UInt64(serial)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
