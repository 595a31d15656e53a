import Mustache

/// The sandbox panel as `Templates/sandbox.mustache` sees it.
struct SandboxPageView: Sendable {
    let chrome: PageChrome
    let status: SandboxStatusDTO
    let isSignedIn: Bool
}

extension SandboxPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "isSandbox": status.target == "sandbox"
        case "isReady": status.state == "ready" || status.state == "account"
        case "summary": status.summary
        case "endpoint": status.endpoint
        case "region": status.region
        case "accountId": status.accountId
        case "shellLines": status.shellLines
        case "isSignedIn": isSignedIn
        case "changedIdentifiers": status.changedIdentifiers.map { ["original": $0.original, "current": $0.current] }
        case "hasChangedIdentifiers": !status.changedIdentifiers.isEmpty
        default: nil
        }
    }
}
