import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LabStore
import Testing

@Suite("Jobs API")
struct JobsAPITests {
    let now = Date()

    /// The learner id behind a session cookie.
    func learnerID(_ client: some TestClientProtocol, _ cookie: String) async throws -> Int64 {
        try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie]) { (response) async throws in
            let learner = try response.json()["learner"] as? [String: Any]
            return try #require((learner?["id"] as? NSNumber)?.int64Value)
        }
    }

    /// A finished job with two log lines, as a worker leaves it.
    func finishedJob(_ database: AppDatabase, learnerID: Int64) async throws -> (job: Int64, logs: [Int64]) {
        let job = try await database.enqueueJob(NewJob(kind: "noop", learnerID: learnerID), at: now).job
        _ = try await database.claimJobs(owner: "w", limit: 1, now: now, leaseExpiresAt: now.addingTimeInterval(30))
        var logs: [Int64] = []
        for message in ["creating queue", "created queue"] {
            logs.append(
                try await database.appendJobLog(JobLogEntry(jobID: job.id, at: now, level: .info, message: message)).id)
        }
        try await database.finishAttempts([(job.id, .completed(result: #"{"queues":1}"#))], owner: "w", now: now)
        return (job.id, logs)
    }

    @Test func aLearnerSeesTheirJobAndNobodyElseDoes() async throws {
        let (app, database) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let ben = try await client.join("Ben")
            let (id, _) = try await finishedJob(database, learnerID: try await learnerID(client, ana))
            try await client.execute(uri: "/api/v1/jobs/\(id)", method: .get, headers: [.cookie: ana]) {
                (response) async throws in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["state"] as? String == "completed")
                #expect((body["result"] as? [String: Any])?["queues"] as? Int == 1)
            }
            for uri in ["/api/v1/jobs/\(id)", "/api/v1/jobs/\(id)/events", "/api/v1/jobs/999999"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: ben]) { (response) async throws in
                    #expect(response.status == .notFound)
                    #expect(response.errorMessage != nil)
                }
            }
            try await client.execute(uri: "/api/v1/jobs/\(id)", method: .get) { (response) async throws in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func cancelNeedsJSONAndCancelsAQueuedJob() async throws {
        let (app, database) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let job = try await database.enqueueJob(
                NewJob(kind: "noop", learnerID: try await learnerID(client, ana)), at: now
            ).job
            let uri = "/api/v1/jobs/\(job.id)/cancel"
            try await client.execute(uri: uri, method: .post, headers: [.cookie: ana]) { (response) async throws in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(
                uri: uri, method: .post, headers: [.cookie: ana, .contentType: "application/json"]
            ) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try response.json()["state"] as? String == "cancelled")
            }
        }
    }

    @Test func theEventStreamSendsLogProgressAndResultAndResumes() async throws {
        let (app, database) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let (id, logs) = try await finishedJob(database, learnerID: try await learnerID(client, ana))
            try await client.execute(uri: "/api/v1/jobs/\(id)/events", method: .get, headers: [.cookie: ana]) {
                (response) async throws in
                #expect(response.headers[.contentType] == "text/event-stream")
                let text = response.text
                #expect(text.contains("id: \(logs[0])\nevent: log\n"))
                #expect(text.contains("id: \(logs[1])\nevent: log\n"))
                #expect(text.contains("event: progress\n"))
                #expect(text.hasSuffix("\n\n") && text.contains("event: result\ndata: {"))
            }
            try await client.execute(
                uri: "/api/v1/jobs/\(id)/events", method: .get,
                headers: [.cookie: ana, HTTPField.Name("Last-Event-ID")!: "\(logs[0])"]
            ) { (response) async throws in
                #expect(!response.text.contains("creating queue"))
                #expect(response.text.contains("created queue"))
            }
        }
    }

    @Test func metricsAreServedAsPrometheusText() async throws {
        let (app, database) = try await TestApp.make()
        _ = try await database.enqueueJob(NewJob(kind: "noop"), at: now)
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(response.text.contains(#"labguide_jobs{state="available"} 1"#))
            }
        }
    }
}
