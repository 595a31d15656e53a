import LabContent
import LabStore

/// The one rule for a held class, used by both ways a step page is served (from memory and by the route):
/// held at an exercise, the steps of every later exercise wait for the instructor.
enum ClassHoldRule {
    static func isHeld(_ step: Step, in lab: Lab, hold: ClassHold?) -> Bool {
        guard let hold, hold.labID == lab.id,
            let heldIndex = lab.exercises.firstIndex(where: { $0.id == hold.exerciseID }),
            let stepIndex = lab.exercises.firstIndex(where: { $0.id == step.exerciseID })
        else { return false }
        return stepIndex > heldIndex
    }
}
