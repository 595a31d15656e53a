import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Errors the proxy answers itself, in the shape the caller's AWS protocol expects so CLIs print the message.
enum SandboxRefusal {
    static func unknownKey(_ call: SandboxCall, contentType: String?) -> Response {
        let message =
            call.accessKeyID == nil
            ? "The LabGuide sandbox needs your sandbox credentials: paste the lines from the sandbox panel of any LabGuide page."
            : "The access key is not a LabGuide sandbox key: paste the lines from the sandbox panel of any LabGuide page."
        return error(status: .forbidden, code: "InvalidClientTokenId", message: message, contentType: contentType)
    }

    static func unavailable(_ reason: String, contentType: String?) -> Response {
        var response = error(
            status: .serviceUnavailable, code: "ServiceUnavailable", message: "LabGuide sandbox: \(reason)",
            contentType: contentType)
        response.headers[.retryAfter] = "5"
        return response
    }

    private static func error(status: HTTPResponse.Status, code: String, message: String, contentType: String?) -> Response {
        let isJSON = contentType?.contains("json") ?? false
        let body: String
        var headers = HTTPFields()
        if isJSON {
            let escaped = message.replacingOccurrences(of: "\"", with: "\\\"")
            body = #"{"__type":"\#(code)","message":"\#(escaped)"}"#
            headers[.contentType] = contentType ?? "application/x-amz-json-1.0"
            headers[HTTPField.Name("x-amzn-ErrorType")!] = code
        } else {
            body =
                "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message.escapedForXML)</Message>"
                + "</Error><RequestId>labguide-sandbox</RequestId></ErrorResponse>"
            headers[.contentType] = "text/xml"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

extension String {
    fileprivate var escapedForXML: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
