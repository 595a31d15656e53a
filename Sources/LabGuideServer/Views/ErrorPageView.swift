/// A styled error page; `message` is always a sentence written for people, never a raw error dump.
struct ErrorPageView: Sendable {
    let chrome: PageChrome
    let status: Int
    let title: String
    let message: String
}
