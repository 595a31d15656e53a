import Foundation

extension CredentialChain {
    /// `role_arn` + `source_profile` (keys or another assume-role profile) or `credential_source = Environment`,
    /// exchanged through STS `AssumeRole` and refreshed before they expire.
    func makeAssumeRoleProvider(profile: AWSProfile, visited: Set<String>) throws -> RefreshingCredentialProvider {
        guard let roleARN = profile.roleARN else {
            throw AWSError.makeInvalidConfiguration("profile \(profile.name) has no role_arn")
        }
        let sourceProvider: any CredentialProvider
        if let sourceName = profile.sourceProfile {
            guard !visited.contains(sourceName) || (sourceName == profile.name && profile.hasStaticCredentials) else {
                throw AWSError.makeInvalidConfiguration(
                    "profile \(profile.name): source_profile chain loops back to \(sourceName)")
            }
            guard let source = configuration.shared.profile(named: sourceName) else {
                throw AWSError.makeInvalidConfiguration(
                    "profile \(profile.name): source_profile '\(sourceName)' not found in "
                        + "\(configuration.shared.configPath) or \(configuration.shared.credentialsPath)")
            }
            if source.roleARN != nil && source.name != profile.name {
                sourceProvider = try makeAssumeRoleProvider(profile: source, visited: visited.union([profile.name]))
            } else {
                sourceProvider = try makeStaticProvider(profile: source)
            }
        } else if profile["credential_source"]?.lowercased() == "environment",
            let key = configuration.environment["AWS_ACCESS_KEY_ID"],
            let secret = configuration.environment["AWS_SECRET_ACCESS_KEY"]
        {
            sourceProvider = StaticCredentialProvider(
                AWSCredentials(
                    accessKeyID: key, secretAccessKey: secret,
                    sessionToken: configuration.environment["AWS_SESSION_TOKEN"]))
        } else {
            throw AWSError.makeInvalidConfiguration(
                "profile \(profile.name) has role_arn but neither source_profile nor credential_source = Environment")
        }
        let sessionName = profile["role_session_name"] ?? "labguide-\(Int(now().timeIntervalSince1970))"
        let externalID = profile["external_id"]
        let durationSeconds = profile["duration_seconds"].flatMap(Int.init)
        var stsConfiguration = configuration
        if stsConfiguration.region == nil { stsConfiguration.region = profile.region ?? "us-east-1" }
        let runtime = try AWSRuntime(
            configuration: stsConfiguration, credentialProvider: sourceProvider,
            credentialSource: .profile(profile.sourceProfile ?? profile.name), transport: transport, logger: logger,
            now: now)
        return RefreshingCredentialProvider(now: now) {
            try await STSClient(runtime: runtime).assumeRole(
                roleARN: roleARN, sessionName: sessionName, externalID: externalID, durationSeconds: durationSeconds
            ).credentials
        }
    }

    /// `AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE`, exchanged through the unsigned `AssumeRoleWithWebIdentity`.
    func makeWebIdentityProvider(roleARN: String, tokenFile: String) -> RefreshingCredentialProvider {
        let sessionName = configuration.environment["AWS_ROLE_SESSION_NAME"] ?? "labguide-web-identity"
        var stsConfiguration = configuration
        if stsConfiguration.region == nil { stsConfiguration.region = "us-east-1" }
        let configuration = stsConfiguration
        let transport = self.transport
        let logger = self.logger
        let now = self.now
        return RefreshingCredentialProvider(now: now) {
            let token: String
            do {
                token = try String(contentsOfFile: tokenFile, encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw AWSError.makeNoCredentials("cannot read AWS_WEB_IDENTITY_TOKEN_FILE at \(tokenFile)")
            }
            let runtime = try AWSRuntime(
                configuration: configuration,
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "", secretAccessKey: "")),
                transport: transport, logger: logger, now: now)
            return try await STSClient(runtime: runtime).assumeRoleWithWebIdentity(
                roleARN: roleARN, sessionName: sessionName, webIdentityToken: token
            ).credentials
        }
    }
}
