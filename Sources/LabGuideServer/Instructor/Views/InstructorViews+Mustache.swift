import Mustache

/// Instructor pages are few and their big parts are written as HTML beforehand, so their views answer Mustache by
/// reflection; optionals are flattened, so nil reads as missing (as the hand-written step page conformances do).
protocol ReflectedMustacheParent: MustacheParent {}

extension ReflectedMustacheParent {
    func child(named name: String) -> Any? {
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}

extension InstructorPageView: ReflectedMustacheParent {}
extension InstructorPageView.Option: ReflectedMustacheParent {}
extension InstructorPageView.Listed: ReflectedMustacheParent {}
extension InstructorPageView.Broadcast: ReflectedMustacheParent {}
extension InstructorSignInView: ReflectedMustacheParent {}
extension InstructorLearnerView: ReflectedMustacheParent {}
extension InstructorLearnerView.TimelineItem: ReflectedMustacheParent {}
extension InstructorLearnerView.Attempt: ReflectedMustacheParent {}
extension InstructorLearnerView.Job: ReflectedMustacheParent {}
extension LearnerDetailDTO.CheckResult: ReflectedMustacheParent {}
extension LearnerDetailDTO.StillRunning: ReflectedMustacheParent {}
extension InstructorHealthDTO: ReflectedMustacheParent {}
extension InstructorHealthDTO.Breaker: ReflectedMustacheParent {}
extension InstructorHealthDTO.Queue: ReflectedMustacheParent {}
