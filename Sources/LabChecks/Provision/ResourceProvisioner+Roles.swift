import AWSClient
import Foundation

extension ResourceProvisioner {
    func observeRole(_ resource: PlannedResource) async throws -> ResourceObservation {
        let iam = IAMClient(runtime: runtime)
        guard let role = try await nilIfNotFound({ try await iam.getRole(name: resource.name) }) else { return .missing }
        var differences: [String] = []
        let service = resource.text("trustedService") ?? ""
        if !(role.assumeRolePolicyDocument ?? "").contains(service) {
            differences.append("its trust policy does not let \(service) assume it")
        }
        if let policyName = resource.text("policyName") {
            let document = try await nilIfNotFound {
                try await iam.getRolePolicy(roleName: resource.name, policyName: policyName)
            }
            if let document {
                if Self.actions(in: document) != Set(resource.list("allowedActions") ?? []) {
                    differences.append("inline policy \(policyName) allows other actions")
                }
            } else {
                differences.append("inline policy \(policyName) is missing")
            }
        }
        return .found(role.arn, differences: differences)
    }

    func ensureRole(_ resource: PlannedResource) async throws -> EnsureOutcome {
        let iam = IAMClient(runtime: runtime)
        let observation = try await observeRole(resource)
        let arn: String
        if let identifier = observation.identifier {
            guard observation.state == .differing else { return .alreadyPresent(identifier: identifier) }
            arn = identifier
        } else {
            let trust = Self.trustPolicy(service: resource.text("trustedService") ?? "")
            arn = try await iam.createRole(name: resource.name, assumeRolePolicyDocument: trust, tags: account.tags).arn
        }
        if let policyName = resource.text("policyName") {
            let document = Self.permissionsPolicy(
                actions: resource.list("allowedActions") ?? [], resource: resource.text("policyResource") ?? "*")
            try await iam.putRolePolicy(roleName: resource.name, policyName: policyName, policyDocument: document)
        }
        return observation.identifier == nil
            ? .created(identifier: arn) : .converged(identifier: arn, changes: observation.differences)
    }

    static func trustPolicy(service: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\#(service)"},"Action":"sts:AssumeRole"}]}"#
    }

    static func permissionsPolicy(actions: [String], resource: String) -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[\#(list)],"Resource":"\#(resource)"}]}"#
    }

    /// Every action an inline policy allows, whether written as one string or a list.
    static func actions(in document: String) -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] else { return [] }
        let statements = (object["Statement"] as? [[String: Any]]) ?? [(object["Statement"] as? [String: Any]) ?? [:]]
        var actions: Set<String> = []
        for statement in statements {
            if let action = statement["Action"] as? String { actions.insert(action) }
            if let list = statement["Action"] as? [String] { actions.formUnion(list) }
        }
        return actions
    }
}
