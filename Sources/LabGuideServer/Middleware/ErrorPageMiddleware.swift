import Foundation
import Hummingbird
import Logging
import NIOHTTP1

/// Turns every error into a clear answer: `{"error":{"message":…}}` for the API, a styled page for browsers.
///
/// Messages come only from errors meant for people (`HTTPError`, input errors); anything else becomes a
/// generic 500 whose details go to the log, never to the page.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let renderer: PageRenderer
    let csrf: CSRFProtection

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = PublicFailure(error)
            if failure.isMalformedHTTP {
                context.logger.debug("Malformed request body", metadata: ["http.path": "\(request.uri.path)"])
            } else if failure.status.code >= 500 {
                context.logger.error(
                    "Request failed",
                    metadata: ["http.path": "\(request.uri.path)", "error.type": "\(type(of: error))", "error": "\(error)"])
            }
            if request.uri.path.hasPrefix("/api/") || !Self.prefersHTML(request) {
                var response = try JSONErrorBody.response(status: failure.status, message: failure.message)
                response.headers.append(contentsOf: failure.extraHeaders)
                return response
            }
            let token = csrf.token(for: request)
            let view = ErrorPageView(
                chrome: PageChrome(learner: context.learner, csrfToken: token.value, section: ""),
                status: Int(failure.status.code), title: failure.title, message: failure.message)
            var response = try renderer.render(
                "error", view, status: failure.status, cookies: token.cookieToSet.map { [$0] } ?? [])
            response.headers.append(contentsOf: failure.extraHeaders)
            return response
        }
    }

    private static func prefersHTML(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept] else { return true }
        return accept.contains("text/html") || accept.contains("*/*")
    }
}

/// The part of an error that may be shown to anyone.
struct PublicFailure {
    let status: HTTPResponse.Status
    let message: String
    let extraHeaders: HTTPFields
    /// The client broke HTTP itself (a malformed chunked body): its fault, so a 400 and a debug line, never an error.
    var isMalformedHTTP = false

    init(_ error: any Error) {
        switch error {
        case is HTTPParserError:
            status = .badRequest
            message = "The request is not valid HTTP/1.1 (its body framing is broken)."
            // The rest of the connection cannot be read reliably any more.
            extraHeaders = [.connection: "close"]
            isMalformedHTTP = true
        case let error as HTTPError:
            status = error.status
            message = error.body ?? Self.defaultMessage(for: error.status)
            extraHeaders = error.headers
        case let error as LearnerInputError:
            status = .badRequest
            message = error.message
            extraHeaders = [:]
        case is DecodingError:
            status = .badRequest
            message = "The request body is not valid JSON of the expected shape."
            extraHeaders = [:]
        case let error as any HTTPResponseError:
            status = error.status
            message = Self.defaultMessage(for: error.status)
            extraHeaders = [:]
        default:
            status = .internalServerError
            message = Self.defaultMessage(for: .internalServerError)
            extraHeaders = [:]
        }
    }

    var title: String {
        switch status.code {
        case 404: "Page not found"
        case 401: "Please join first"
        case 403: "Not allowed"
        case 413: "Too large"
        case 400..<500: "Something is not right"
        default: "Something went wrong"
        }
    }

    static func defaultMessage(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "There is nothing at this address."
        case 405: "This address does not accept that method."
        case 413: "The request body is larger than 64 KiB."
        case 415: "Send JSON with Content-Type: application/json."
        case 400..<500: status.reasonPhrase
        default: "Something went wrong on the server. The problem has been logged; please try again."
        }
    }
}

/// The API's one error shape: `{"error":{"message":"…"}}`.
enum JSONErrorBody {
    struct Envelope: Encodable {
        struct Detail: Encodable { let message: String }
        let error: Detail
    }

    static func response(status: HTTPResponse.Status, message: String) throws -> Response {
        let data = try JSONEncoder().encode(Envelope(error: .init(message: message)))
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
