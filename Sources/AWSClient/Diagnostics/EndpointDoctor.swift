import Foundation

/// Runs every service probe in parallel and reports, per service, the endpoint, whether it answered, whether the
/// credentials were accepted, and the latency. Probes are not retried and are bounded by the timeouts, so a dead
/// endpoint fails within seconds instead of hanging.
public struct EndpointDoctor: Sendable {
    public struct Result: Sendable {
        public let name: String
        public let endpoint: String
        public let isReachable: Bool
        /// `nil` when the endpoint could not be reached at all.
        public let isAuthorized: Bool?
        public let latency: Duration
        /// The error code or reason when something failed.
        public let detail: String?

        /// `STS  http://127.0.0.1:5000  reachable  authorised  12 ms`.
        public func line(nameWidth: Int, endpointWidth: Int) -> String {
            let reachability = isReachable ? "reachable" : "unreachable"
            let authorization =
                switch isAuthorized {
                case true?: "authorised"
                case false?: "not authorised"
                case nil: "-"
                }
            var text =
                name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + endpoint.padding(toLength: endpointWidth, withPad: " ", startingAt: 0) + "  "
                + reachability.padding(toLength: 11, withPad: " ", startingAt: 0) + "  "
                + authorization.padding(toLength: 14, withPad: " ", startingAt: 0) + "  "
                + "\(Int((latency.timeInterval * 1000).rounded())) ms"
            if let detail { text += "  (\(detail))" }
            return text
        }
    }

    /// Codes that mean "the endpoint answered but refused these credentials".
    static let authorizationFailureCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnrecognizedClientException", "InvalidClientTokenId",
        "SignatureDoesNotMatch", "InvalidSignatureException", "ExpiredToken", "ExpiredTokenException", "AuthFailure",
        "UnauthorizedOperation", "MissingAuthenticationToken", "IncompleteSignature", "InvalidAccessKeyId",
    ]

    public let runtime: AWSRuntime
    public let probes: [ServiceProbe]

    public init(runtime: AWSRuntime, probes: [ServiceProbe] = ServiceProbe.labServices) {
        self.runtime = runtime
        self.probes = probes
    }

    public func run() async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            for (index, probe) in probes.enumerated() {
                group.addTask { (index, await check(probe)) }
            }
            var results: [(Int, Result)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    func check(_ probe: ServiceProbe) async -> Result {
        let endpoint = (try? runtime.endpoint(for: probe.service).url.absoluteString) ?? "(invalid endpoint)"
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await probe.call(runtime)
            return Result(
                name: probe.name, endpoint: endpoint, isReachable: true, isAuthorized: true,
                latency: start.duration(to: clock.now), detail: nil)
        } catch let error as AWSError {
            let latency = start.duration(to: clock.now)
            switch error.kind {
            case .service:
                let refused = Self.authorizationFailureCodes.contains(error.code)
                return Result(
                    name: probe.name, endpoint: endpoint, isReachable: true, isAuthorized: !refused, latency: latency,
                    detail: error.code)
            case .invalidResponse:
                return Result(
                    name: probe.name, endpoint: endpoint, isReachable: true, isAuthorized: nil, latency: latency,
                    detail: "unexpected reply, HTTP \(error.statusCode.map(String.init) ?? "?")")
            case .timeout:
                return Result(
                    name: probe.name, endpoint: endpoint, isReachable: false, isAuthorized: nil, latency: latency,
                    detail: "timed out: \(error.message)")
            default:
                return Result(
                    name: probe.name, endpoint: endpoint, isReachable: false, isAuthorized: nil, latency: latency,
                    detail: error.message)
            }
        } catch {
            return Result(
                name: probe.name, endpoint: endpoint, isReachable: false, isAuthorized: nil,
                latency: start.duration(to: clock.now), detail: "\(type(of: error))")
        }
    }

    /// Whether the target looks like real AWS, an emulator (moto's fixed account), or some other custom endpoint.
    public static func describeTarget(results: [Result], account: String?) -> String {
        let usesAWSHosts = results.allSatisfy {
            $0.endpoint.contains(".amazonaws.com") || $0.endpoint.contains(".amazonaws.com.cn")
        }
        if usesAWSHosts { return "real AWS (default AWS endpoints)" }
        if account == "123456789012" { return "an emulator (moto: account 123456789012 on a custom endpoint)" }
        return "a custom endpoint (not AWS's own hosts)"
    }
}
