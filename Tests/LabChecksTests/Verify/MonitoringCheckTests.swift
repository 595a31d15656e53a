import AWSClient
import Foundation
import LabChecks
import MotoTestSupport
import Testing

/// CloudWatch alarms and dashboards, and the cleanup scan, against moto.
@Suite("Verify: alarms, dashboards and cleanup", .motoServer(signatureChecking: false))
struct MonitoringCheckTests {
    @Test("cloudwatch.alarm compares the alarm's metric and namespace")
    func alarm() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "order-processing-dlq-not-empty"
        let check = VerifyFixtures.check(
            "cloudwatch.alarm",
            ["alarm": .text(name), "metric": .text("ApproximateNumberOfMessagesVisible"), "namespace": .text("AWS/SQS")])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "a CloudWatch alarm named \(name)")
        #expect(missing.observed == "there is no CloudWatch alarm named \(name) in us-east-1")

        let cloudWatch = CloudWatchClient(runtime: learner.runtime)
        try await cloudWatch.putMetricAlarm(
            .init(name: name, namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", threshold: 1))
        let differing = await VerifyFixtures.run(check, as: learner)
        #expect(differing.status == .failed)
        #expect(differing.expected == "an alarm on metric ApproximateNumberOfMessagesVisible")
        #expect(differing.observed == "CloudWatch alarm \(name) watches metric ApproximateAgeOfOldestMessage")

        try await cloudWatch.putMetricAlarm(
            .init(name: name, namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", threshold: 1))
        let matching = await VerifyFixtures.run(check, as: learner)
        #expect(matching.status == .passed)
        #expect(matching.facts["Namespace"] == "AWS/SQS")
    }

    @Test("cloudwatch.dashboard passes for an existing dashboard and fails for a missing one")
    func dashboard() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "cross-service"
        let check = VerifyFixtures.check("cloudwatch.dashboard", ["dashboard": .text(name)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "a CloudWatch dashboard named \(name)")
        #expect(missing.observed == "there is no CloudWatch dashboard named \(name)")
        let body = #"{"widgets":[{"type":"text","x":0,"y":0,"width":6,"height":3,"properties":{"markdown":"orders"}}]}"#
        _ = try await CloudWatchClient(runtime: learner.runtime).putDashboard(name: name, body: body)
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed, "\(found.observed ?? "")")
        #expect(found.facts["widgets"] == "1")
    }

    @Test("cleanup.no-leftovers fails listing what is left by kind and full name, and passes once it is gone")
    func cleanup() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let check = VerifyFixtures.check("cleanup.no-leftovers", ["prefix": .text(learner.prefix)])
        #expect(await VerifyFixtures.run(check, as: learner).status == .passed)

        let topicARN = try await SNSClient(runtime: learner.runtime).createTopic(name: learner.prefix + "order-events")
        let queue = try await VerifyFixtures.makeQueue("inventory", for: learner)
        let left = await VerifyFixtures.run(check, as: learner)
        #expect(left.status == .failed)
        #expect(left.expected == "no resources named \(learner.prefix)…")
        #expect(
            left.observed
                == "2 resources left: SNS topic \(learner.prefix)order-events; SQS queue \(learner.prefix)inventory")
        #expect(left.facts["resourcesLeft"] == "2")

        try await SNSClient(runtime: learner.runtime).deleteTopic(arn: topicARN)
        try await SQSClient(runtime: learner.runtime).deleteQueue(url: queue.url)
        let clean = await VerifyFixtures.run(check, as: learner)
        #expect(clean.status == .passed, "\(clean.observed ?? "")")
        #expect(clean.observed == "no resources named \(learner.prefix)… are left")
    }
}

/// `xray.traces` in a moto of its own: traces are not named after the learner, so no other test may put any.
@Suite("Verify: X-Ray traces", .serialized, .motoServer(signatureChecking: false))
struct TraceCheckTests {
    func segment(named name: String) -> String {
        let now = Date().timeIntervalSince1970
        let traceID =
            "1-\(String(Int(now), radix: 16))-\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(24).lowercased())"
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return
            #"{"name": "\#(name)", "id": "\#(id)", "trace_id": "\#(traceID)", "start_time": \#(now - 2), "end_time": \#(now - 1)}"#
    }

    @Test("with no traces, and with traces of other services only, it fails; a segment of the service passes")
    func traces() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let service = learner.prefix + "order"
        let check = VerifyFixtures.check("xray.traces", ["service": .text(service)])
        let none = await VerifyFixtures.run(check, as: learner)
        #expect(none.status == .failed)
        #expect(none.expected == "a trace with a segment from service \(service) in the last six hours")
        #expect(none.observed == "X-Ray has no traces from service \(service) in the last six hours")

        let xray = XRayClient(runtime: learner.runtime)
        #expect(try await xray.putTraceSegments([segment(named: learner.prefix + "inventory")]) == [])
        let others = await VerifyFixtures.run(check, as: learner)
        #expect(others.status == .failed)
        #expect(
            others.observed
                == "X-Ray has 1 trace, but none with a segment named \(service) (their segments are named \(learner.prefix)inventory)"
        )

        #expect(try await xray.putTraceSegments([segment(named: service)]) == [])
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed, "\(found.observed ?? "")")
        #expect(found.calls.map(\.call).contains("XRay BatchGetTraces"))
    }
}
