import Foundation

/// What the renderer needs to know about the lab to rewrite and check links, variables and embeds.
struct MarkdownContext: Sendable {
    let labID: String
    /// The lab folder, for checking that linked asset files exist.
    let labDirectory: URL
    let stepIDs: Set<String>
    let variables: VariableScope
    let simulatorPresets: Set<String>

    /// The URL path a step page is served at.
    func stepPath(_ stepID: String) -> String {
        "/labs/\(labID)/steps/\(stepID)"
    }

    /// The URL path a file of the lab folder (`assets/…`) is served at.
    func assetPath(_ relativePath: String) -> String {
        "/labs/\(labID)/\(relativePath)"
    }
}
