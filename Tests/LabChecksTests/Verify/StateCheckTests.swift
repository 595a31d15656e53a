import AWSClient
import Foundation
import LabChecks
import MotoTestSupport
import Testing

/// The circuit breaker's checks against moto: its function, its table, and the state item the lab's breaker writes.
@Suite("Verify: the breaker's function, table and state", .motoServer(signatureChecking: false))
struct StateCheckTests {
    @Test("lambda.function passes for a deployed function and fails for a missing one")
    func function() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "circuit-breaker-manager"
        let check = VerifyFixtures.check("lambda.function", ["function": .text(name)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "a Lambda function named \(name)")
        #expect(missing.observed == "there is no Lambda function named \(name) in us-east-1")

        let role = try await IAMClient(runtime: learner.runtime).createRole(
            name: learner.prefix + "circuit-breaker-role",
            assumeRolePolicyDocument:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            tags: [:])
        _ = try await LambdaClient(runtime: learner.runtime).createFunction(
            .init(name: name, roleARN: role.arn, zipFile: ZipFixture.handler))
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed, "\(found.observed ?? "")")
        #expect(found.facts["Runtime"] == "python3.12")
    }

    /// The breaker table with one item per service, as the lab's breaker-state-table step writes it.
    func makeTable(_ learner: LearnerAccount, state: String, failures: Int, openedAt: Int = 0) async throws -> String {
        let dynamo = DynamoDBClient(runtime: learner.runtime)
        let table = learner.prefix + "circuit-breaker-state"
        _ = try await dynamo.createTable(
            name: table, keySchema: [.init(name: "service", keyType: "HASH")], attributes: [.init(name: "service", type: "S")])
        try await dynamo.putItem(
            table: table,
            item: [
                "service": .string("inventory"), "state": .string(state), "failureCount": .number(String(failures)),
                "failureThreshold": .number("3"), "openSeconds": .number("30"), "openedAt": .number(String(openedAt)),
            ])
        return table
    }

    @Test("dynamodb.table passes for the breaker table and fails for a missing one")
    func table() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "circuit-breaker-state"
        let check = VerifyFixtures.check("dynamodb.table", ["table": .text(name)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "a DynamoDB table named \(name)")
        #expect(missing.observed == "there is no DynamoDB table named \(name) in us-east-1")
        _ = try await makeTable(learner, state: "closed", failures: 0)
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed)
        #expect(found.facts["KeySchema"] == "service (HASH)")
    }

    @Test("breaker.state reads the service's item: passes on the declared state, fails with the one found")
    func breakerState() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let table = learner.prefix + "circuit-breaker-state"
        func check(_ state: String, service: String = "inventory") -> RenderedCheck {
            VerifyFixtures.check("breaker.state", ["table": .text(table), "service": .text(service), "state": .text(state)])
        }
        #expect(
            await VerifyFixtures.run(check("open"), as: learner).observed
                == "there is no DynamoDB table named \(table) in us-east-1")

        _ = try await makeTable(learner, state: "closed", failures: 2)
        let closed = await VerifyFixtures.run(check("open"), as: learner)
        #expect(closed.status == .failed)
        #expect(closed.expected == "the breaker for inventory open")
        #expect(closed.observed == "the breaker for inventory in table \(table) is closed after 2 of 3 failures")
        #expect(closed.hint?.contains("threshold") == true)
        #expect(closed.facts["failureCount"] == "2")

        let noItem = await VerifyFixtures.run(check("closed", service: "order"), as: learner)
        #expect(noItem.status == .failed)
        #expect(noItem.expected == "a breaker item for order in state closed")
        #expect(noItem.observed == "table \(table) has no item with service order")

        #expect(await VerifyFixtures.run(check("closed"), as: learner).status == .passed)

        // Open for longer than its open period: still stored as open, and the next call will probe.
        let learner2 = try VerifyFixtures.makeLearner()
        let openedAt = Int(Date().timeIntervalSince1970) - 60
        let table2 = try await makeTable(learner2, state: "open", failures: 0, openedAt: openedAt)
        let open = await VerifyFixtures.run(
            VerifyFixtures.check(
                "breaker.state", ["table": .text(table2), "service": .text("inventory"), "state": .text("open")]),
            as: learner2)
        #expect(open.status == .passed)
        #expect(
            open.observed
                == "the breaker for inventory in table \(table2) is open (its open period is over: the next call is a probe)")
        #expect(open.facts["openedAt"] == String(openedAt))
    }
}
