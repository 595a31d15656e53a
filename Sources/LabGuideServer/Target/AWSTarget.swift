public import LabSandbox

/// Where learners' commands and LabGuide's jobs go: the local sandbox, or a real AWS account.
///
/// Every page names it in the header, so a learner never mistakes one for the other.
public enum AWSTarget: Sendable {
    case sandbox(Sandbox)
    /// A real account through the standard credential chain; the id is nil until known.
    case account(id: String?)

    public var sandbox: Sandbox? {
        if case .sandbox(let sandbox) = self { sandbox } else { nil }
    }

    /// The header badge: short enough for a phone, and unmistakable.
    func badge(region: String) -> SiteChrome.TargetBadge {
        switch self {
        case .sandbox:
            SiteChrome.TargetBadge(
                label: "Sandbox (local emulator)", detail: "Nothing here touches a real AWS account. \(region)",
                isSandbox: true)
        case .account(let id):
            SiteChrome.TargetBadge(
                label: "AWS account \(id ?? "(unknown)") · \(region)",
                detail: "Commands create real resources that cost money until you clean up.", isSandbox: false)
        }
    }
}
