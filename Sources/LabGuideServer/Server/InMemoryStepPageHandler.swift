import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers step page requests on the event loop when `LabPagesController.pageFromMemory` can build them.
///
/// Step pages are most of what a class asks for, and after a learner's first page they need nothing but memory.
/// Hummingbird carries every request from the event loop to a Swift task and the response back; on the page
/// bench those two hand-offs cost more CPU than building the page (see the README). Answering here skips them.
/// Everything else, including any page that needs SQLite, a new cookie or a view recorded, goes on to
/// Hummingbird unchanged, so the route in `LabPagesController` stays the one definition of a step page.
///
/// Responses stay in request order (HTTP/1.1 pipelining): while a request handed on is unanswered, later ones are
/// handed on too. One handler serves one connection, on its event loop, so its state needs no lock.
final class InMemoryStepPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let pages: LabPagesController
    private let serverName: String
    /// Requests handed on to Hummingbird whose response has not ended yet.
    private var unansweredRequests = 0
    /// Set while the rest of a request answered here arrives (its end), which must not reach Hummingbird.
    private var isDroppingAnsweredRequest = false
    private var dateHeader = HTTPDateHeader()

    init(pages: LabPagesController, serverName: String) {
        self.pages = pages
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let request):
            let now = Date()
            if unansweredRequests == 0, let page = page(for: request, now: now) {
                isDroppingAnsweredRequest = true
                respond(with: page, at: now, context: context)
            } else {
                unansweredRequests += 1
                context.fireChannelRead(data)
            }
        case .body:
            if !isDroppingAnsweredRequest { context.fireChannelRead(data) }
        case .end:
            if isDroppingAnsweredRequest {
                isDroppingAnsweredRequest = false
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Never below zero: Hummingbird also ends the 400 it writes for bytes that were never a request.
        if case .end = unwrapOutboundIn(data), unansweredRequests > 0 { unansweredRequests -= 1 }
        context.write(data, promise: promise)
    }

    private func page(for request: HTTPRequest, now: Date) -> ByteBuffer? {
        guard request.method == .get, let path = request.path, let (labID, stepID) = Self.stepPageIDs(in: path),
            Self.hasNoBodyAndKeepsAlive(request.headerFields)
        else { return nil }
        return pages.pageFromMemory(labID: labID, stepID: stepID, headers: request.headerFields, now: now)
    }

    /// The same head `PageRenderer.response`, `SecurityHeadersMiddleware` and Hummingbird's server give a page.
    private func respond(with page: ByteBuffer, at now: Date, context: ChannelHandlerContext) {
        var fields: HTTPFields = [
            .contentType: PageRenderer.htmlContentType, .cacheControl: PageRenderer.htmlCacheControl,
            .contentLength: String(page.readableBytes), .date: dateHeader.value(at: now), .server: serverName,
        ]
        // The same rule `SecurityHeadersMiddleware` applies to every routed answer.
        SecurityHeaders.apply(to: &fields)
        let head = HTTPResponse(status: .ok, headerFields: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(page)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// `lab` and `step` of `/labs/<lab>/steps/<step>` when both are plain ids (`a-z`, `0-9`, `-`).
    ///
    /// A query, a trailing slash or an escape leaves the path to the router, which knows every form.
    static func stepPageIDs(in path: String) -> (lab: String, step: String)? {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1].elementsEqual("labs".utf8),
            parts[3].elementsEqual("steps".utf8), isPlainID(parts[2]), isPlainID(parts[4])
        else { return nil }
        return (String(decoding: parts[2], as: UTF8.self), String(decoding: parts[4], as: UTF8.self))
    }

    private static func isPlainID(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        !bytes.isEmpty
            && bytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }

    /// A GET whose body would have to be read, or one asking to close the connection, goes to Hummingbird,
    /// which handles both. Browsers send `Connection: keep-alive`, which changes nothing on HTTP/1.1.
    private static func hasNoBodyAndKeepsAlive(_ fields: HTTPFields) -> Bool {
        let connection = fields[values: .connection]
        return fields[.transferEncoding] == nil && (fields[.contentLength] ?? "0") == "0"
            && connection.allSatisfy { $0.lowercased() == "keep-alive" }
    }
}

/// The `Date` response header, formatted again only when the second changes.
struct HTTPDateHeader {
    private var second = Int.min
    private var text = ""

    mutating func value(at date: Date) -> String {
        let now = Int(date.timeIntervalSince1970)
        if now != second {
            second = now
            text = Self.format(secondsSince1970: now)
        }
        return text
    }

    /// IMF-fixdate (RFC 9110 §5.6.7), e.g. `Wed, 25 Nov 2026 23:49:14 GMT`.
    static func format(secondsSince1970: Int) -> String {
        var time = time_t(secondsSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }
}
