import Synchronization

/// The stop buttons of the jobs running in this process, by job id.
final class RunningControls: Sendable {
    private let controls = Mutex<[Int64: JobRunControl]>([:])

    func register(_ control: JobRunControl, for jobID: Int64) {
        controls.withLock { $0[jobID] = control }
    }

    func remove(jobID: Int64) {
        _ = controls.withLock { $0.removeValue(forKey: jobID) }
    }

    func control(for jobID: Int64) -> JobRunControl? {
        controls.withLock { $0[jobID] }
    }

    func controls(for jobIDs: [Int64]) -> [JobRunControl] {
        controls.withLock { controls in jobIDs.compactMap { controls[$0] } }
    }
}
