import LabGuideServer
import Logging
import Synchronization
import Testing

@Suite("Console log handler")
struct ConsoleLogHandlerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    @Test func writesLevelLabelSortedMetadataAndMessageOnce() throws {
        let captured = Lines()
        var logger = Logger(label: "labguide") { label in
            ConsoleLogHandler(label: label) { line in captured.lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "hb.request.id"] = "42"
        logger.debug("hidden below the level")
        logger.info("Serving labs", metadata: ["labs.count": "1"])
        let lines = captured.lines.withLock { $0 }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix(" info labguide: hb.request.id=42 labs.count=1 [LabGuideServerTests] Serving labs\n"))
        #expect(line.firstMatch(of: #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} /#) != nil)
    }
}
