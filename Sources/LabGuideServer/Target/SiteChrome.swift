import Mustache

/// What every page shows about the server itself, the same for everyone: rendered into the blueprints at start-up.
struct SiteChrome: Sendable {
    struct TargetBadge: Sendable {
        let label: String
        let detail: String
        let isSandbox: Bool
    }

    let target: TargetBadge?

    static let none = SiteChrome(target: nil)
}

/// A page's view with the site chrome beside it, so the layout reads `site.…` without every view carrying it.
struct SiteContext: MustacheParent {
    let site: SiteChrome
    let view: any MustacheParent

    func child(named name: String) -> Any? {
        name == "site" ? site : view.child(named: name)
    }
}

extension SiteChrome: MustacheParent {
    func child(named name: String) -> Any? {
        name == "target" ? target.map { $0 as Any } : nil
    }
}

extension SiteChrome.TargetBadge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "detail": detail
        case "isSandbox": isSandbox
        default: nil
        }
    }
}
