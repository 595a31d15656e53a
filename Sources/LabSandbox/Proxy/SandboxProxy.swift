import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore

/// The sandbox endpoint learners and jobs call: it finds the learner's account from the access key, sends the call to
/// moto in that account, records writes for the next restart, and keeps identifiers stable across restarts.
///
/// Without it, moto would put every caller in its one default account, and learners' commands could see each other.
public struct SandboxProxy: HTTPResponder {
    public typealias Context = BasicRequestContext

    static let maximumBodySize = 32 * 1024 * 1024

    let keyring: SandboxKeyring
    let status: SandboxStatus
    let recording: SandboxRecording
    let aliases: IdentifierAliases
    let forwarder: EmulatorForwarder
    let logger: Logger

    public func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.uri.description
        let headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        let body = Data(try await request.body.collect(upTo: Self.maximumBodySize).readableBytesView)
        let call = SandboxCall(method: request.method.rawValue, target: target, headers: headers, body: body)
        guard let key = call.accessKeyID, let account = keyring.accountID(forAccessKeyID: key) else {
            return SandboxRefusal.unknownKey(call, contentType: request.headers[.contentType])
        }
        guard let emulator = await status.readyEndpoint(within: .seconds(30)) else {
            return SandboxRefusal.unavailable(status.snapshot.summary, contentType: request.headers[.contentType])
        }
        let host = request.head.authority ?? "127.0.0.1"
        let answer: EmulatorForwarder.Answer
        do {
            answer = try await forward(
                call, target: target, host: host, headers: headers, body: body, account: account, to: emulator)
        } catch {
            // moto died under this call; the supervisor is starting another, so wait for it and try once more.
            guard let replacement = await status.readyEndpoint(within: .seconds(30), replacing: emulator),
                let retried = try? await forward(
                    call, target: target, host: host, headers: headers, body: body, account: account, to: replacement)
            else {
                logger.warning("Sandbox call failed", metadata: ["aws.service": "\(call.service)", "error": "\(error)"])
                return SandboxRefusal.unavailable(
                    "the emulator did not answer (\(error.localizedDescription))", contentType: request.headers[.contentType])
            }
            answer = retried
        }
        let responseBody = aliases.toStable(answer.body, account: account)
        if answer.status < 400 {
            recording.record(
                RecordedCall(
                    account: account, region: call.region, service: call.service, method: call.method, target: target,
                    headers: Self.replayableHeaders(headers), body: body, response: responseBody),
                isWrite: call.isWrite)
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: responseBody)))
    }

    private func forward(
        _ call: SandboxCall, target: String, host: String, headers: [(name: String, value: String)], body: Data,
        account: String, to emulator: URL
    ) async throws -> EmulatorForwarder.Answer {
        try await forwarder.send(
            to: emulator, method: call.method, target: aliases.toCurrent(target, account: account), host: host,
            headers: headers, body: aliases.toCurrent(body, account: account), account: account)
    }

    /// What a replay sends again: everything but credentials, signatures and per-hop fields.
    static func replayableHeaders(_ headers: [(name: String, value: String)]) -> [String: String] {
        let secret: Set<String> = ["authorization", "x-amz-security-token", "x-amz-date", "x-amz-content-sha256"]
        var kept: [String: String] = [:]
        for (name, value) in headers {
            let lowered = name.lowercased()
            if !secret.contains(lowered) && !EmulatorForwarder.hopByHopFields.contains(lowered) {
                kept[name] = value
            }
        }
        return kept
    }
}
