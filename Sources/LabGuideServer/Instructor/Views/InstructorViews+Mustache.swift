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

/// Written out: the page view holds the 1.5 MB matrix, and reflecting it on every lookup was a quarter of the page.
extension InstructorPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "labID": labID
        case "labTitle": labTitle
        case "learnerCount": learnerCount
        case "lastEventID": lastEventID
        case "matrixHTML": matrixHTML
        case "funnelSVG": funnelSVG
        case "funnelSummary": funnelSummary
        case "exercises": exercises
        case "steps": steps
        case "sorts": sorts
        case "exerciseID": exerciseID
        case "stuck": stuck
        case "hands": hands
        case "broadcasts": broadcasts
        case "holdTitle": holdTitle.map { $0 as Any }
        case "hasHands": hasHands
        case "hasStuck": hasStuck
        case "health": health
        case "broadcastLimit": broadcastLimit
        default: nil
        }
    }
}
/// Written out too: a class can list hundreds of stuck learners, and each lookup by reflection walks the fields.
extension InstructorPageView.Listed: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "learnerID": learnerID
        case "name": self.name
        case "stepTitle": stepTitle
        case "summary": summary
        case "message": message.map { $0 as Any }
        default: nil
        }
    }
}

extension InstructorPageView.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "isSelected": isSelected
        default: nil
        }
    }
}

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
