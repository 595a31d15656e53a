import Yams

extension MarkdownRenderer {
    /// Renders a ` ```simulator ` block, whose YAML body names a preset, as an embed the page script fills in.
    ///
    /// The fallback paragraph links to the full simulator page, so the embed still leads somewhere without
    /// JavaScript.
    mutating func renderSimulator(body: [Substring], openingLine: Int) {
        let yamlFile = file.shifted(by: openingLine)
        let text = body.joined(separator: "\n")
        guard let document = YAMLDocument.parse(text, file: yamlFile, log: &log) else { return }
        guard
            let mapping = YAMLMapping.make(
                document.root, file: yamlFile, log: &log, context: "a simulator block", allowedKeys: ["preset"],
                requiredKeys: ["preset"], ownerLine: 0)
        else { return }
        guard let entry = mapping["preset"], let preset = entry.text(file: yamlFile, log: &log) else { return }
        guard context.simulatorPresets.contains(preset) else {
            let presets = context.simulatorPresets.sorted()
            log.report(
                yamlFile, line: entry.valueLine,
                preset.withSuggestion(
                    from: presets, "unknown simulator preset '\(preset)' (presets: \(presets.joined(separator: ", ")))"))
            return
        }
        let name = preset.escapedForHTML
        output += "<div class=\"simulator-embed\" data-preset=\"\(name)\"><p>The breaker simulator runs the "
        output += "<strong>\(name)</strong> scenario here. "
        output += "<a href=\"/simulator?preset=\(name)\">Open it in the simulator</a>.</p></div>"
    }
}
