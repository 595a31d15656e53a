import Foundation

extension MarkdownRenderer {
    /// Schemes a lab may link to; anything else (`javascript:`, `data:`) is refused.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Rewrites a link or image target for the page and checks it.
    ///
    /// `step:ID` becomes the step's URL, a relative path becomes the URL of a file in the lab's `assets/`
    /// folder, and the result is escaped for the attribute Ink writes it into verbatim.
    mutating func linkTarget(_ rawTarget: String, lineNumber: Int) -> String {
        let target = rawTarget.trimmingSpaces()
        let written = VariableMarkers.restoringMarkup(target)
        if target.hasPrefix("step:") {
            let stepID = String(target.dropFirst("step:".count).prefix { $0 != "#" })
            let fragment = target.drop { $0 != "#" }
            if !context.stepIDs.contains(stepID) {
                log.report(
                    file, line: lineNumber,
                    stepID.withSuggestion(from: context.stepIDs.sorted(), "link to unknown step '\(stepID)'"))
            }
            return (context.stepPath(stepID) + fragment).escapedForHTML
        }
        if let scheme = Self.scheme(of: target) {
            if !Self.allowedSchemes.contains(scheme.lowercased()) {
                log.report(
                    file, line: lineNumber,
                    "unsupported link target '\(target)' (use http, https, mailto, step: or a file in assets/)")
                return "#"
            }
            return target.escapedForHTML
        }
        if target.hasPrefix("#") || target.hasPrefix("/") || target.unicodeScalars.contains(VariableMarkers.start) {
            return target.escapedForHTML
        }
        return assetTarget(target, written: written, lineNumber: lineNumber)
    }

    private mutating func assetTarget(_ target: String, written: String, lineNumber: Int) -> String {
        let path = target.prefix { $0 != "#" && $0 != "?" }
        let suffix = target.dropFirst(path.count)
        var components = path.split(separator: "/", omittingEmptySubsequences: true)
        while components.first == "." { components.removeFirst() }
        let relativePath = components.joined(separator: "/")
        guard components.first == "assets", components.count > 1, !components.contains("..") else {
            log.report(
                file, line: lineNumber,
                "link target '\(written)' is not a lab file: link steps with step:ID and files inside assets/")
            return "#"
        }
        let fileURL = context.labDirectory.appendingPathComponent(relativePath)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isDirectory) || isDirectory.boolValue {
            log.report(file, line: lineNumber, "missing asset file '\(relativePath)'")
        }
        return (context.assetPath(relativePath) + suffix).escapedForHTML
    }

    /// The scheme of an absolute URL (`https` in `https://…`), or nil for a relative target.
    static func scheme(of target: String) -> String? {
        guard let colon = target.firstIndex(of: ":") else { return nil }
        let scheme = target[..<colon]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return String(scheme)
    }
}
