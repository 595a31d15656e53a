import Mustache

// Templates look values up by name. Without these conformances swift-mustache reflects the whole struct
// through `Mirror` on every `{{name}}`, which dominated the cost of a step page. Optionals are flattened so that
// nil reads as missing rather than as a present `Optional` value.

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "learner": self.learner.map { $0 as Any }
        case "csrfToken": self.csrfToken
        case "section": self.section
        case "isLabsSection": self.isLabsSection
        case "isSimulatorSection": self.isSimulatorSection
        case "isInstructorSection": self.isInstructorSection
        default: nil
        }
    }
}

extension PageChrome.LearnerBadge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "handle": self.handle
        case "prefix": self.prefix
        default: nil
        }
    }
}

extension HomePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "labs": self.labs
        case "next": self.next.map { $0 as Any }
        case "errorMessage": self.errorMessage.map { $0 as Any }
        case "nameValue": self.nameValue
        default: nil
        }
    }
}

extension HomePageView.LabCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "summary": self.summary
        case "estimatedMinutes": self.estimatedMinutes
        case "estimatedCost": self.estimatedCost
        case "stepCount": self.stepCount
        case "completedSteps": self.completedSteps
        case "percent": self.percent
        case "hasStarted": self.hasStarted
        default: nil
        }
    }
}

extension LabOverviewView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "labID": self.labID
        case "title": self.title
        case "summary": self.summary
        case "estimatedMinutes": self.estimatedMinutes
        case "estimatedCost": self.estimatedCost
        case "noticeHTML": self.noticeHTML.map { $0 as Any }
        case "exercises": self.exercises
        case "completedSteps": self.completedSteps
        case "totalSteps": self.totalSteps
        case "percent": self.percent
        case "continueStepID": self.continueStepID.map { $0 as Any }
        case "continueLabel": self.continueLabel
        case "prefix": self.prefix
        case "region": self.region
        case "jobs": self.jobs.map { $0 as Any }
        default: nil
        }
    }
}

extension LabOverviewView.ExerciseItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "summary": self.summary
        case "steps": self.steps
        case "completedSteps": self.completedSteps
        case "stepCount": self.stepCount
        case "isComplete": self.isComplete
        case "hasChecks": self.hasChecks
        default: nil
        }
    }
}

extension StepLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "number": self.number
        case "isCompleted": self.isCompleted
        case "isVerified": self.isVerified
        case "isCurrent": self.isCurrent
        case "href": self.href
        default: nil
        }
    }
}

extension StepPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "labID": self.labID
        case "labTitle": self.labTitle
        case "exerciseTitle": self.exerciseTitle
        case "stepID": self.stepID
        case "title": self.title
        case "estimatedMinutes": self.estimatedMinutes.map { $0 as Any }
        case "bodyHTML": self.bodyHTML
        case "noticeHTML": self.noticeHTML.map { $0 as Any }
        case "checks": self.checks
        case "completionClass": self.completionClass
        case "completedSteps": self.completedSteps
        case "totalSteps": self.totalSteps
        case "percent": self.percent
        case "stepNumber": self.stepNumber
        case "previous": self.previous.map { $0 as Any }
        case "next": self.next.map { $0 as Any }
        case "navigation": self.navigation
        case "embedsSimulator": self.embedsSimulator
        case "hasChecks": self.hasChecks
        case "hasUnsupportedChecks": self.hasUnsupportedChecks
        case "isHeld": self.isHeld
        default: nil
        }
    }
}

extension StepPageView.ExerciseNavigation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "isCurrent": self.isCurrent
        case "steps": self.steps
        default: nil
        }
    }
}

extension StepPageView.SidebarStep: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "number": self.number
        case "href": self.href
        case "isCurrent": self.isCurrent
        case "completionClass": self.completionClass
        case "completionNote": self.completionNote
        default: nil
        }
    }
}

extension StepPageView.CheckItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "index": self.index
        case "name": self.name
        case "summary": self.summary
        case "isSupportedByEmulator": self.isSupportedByEmulator
        default: nil
        }
    }
}

extension ErrorPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "status": self.status
        case "title": self.title
        case "message": self.message
        default: nil
        }
    }
}
extension StaticPagesController.SimpleView: MustacheParent {
    func child(named name: String) -> Any? {
        name == "chrome" ? self.chrome : nil
    }
}
