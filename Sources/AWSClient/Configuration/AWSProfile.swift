/// One named profile: its settings from the config file (`[profile name]`, or `[default]`) overlaid with those from
/// the credentials file (`[name]`), which win for keys present in both.
public struct AWSProfile: Sendable {
    public let name: String
    public let settings: [String: String]

    public subscript(key: String) -> String? {
        guard let value = settings[key], !value.isEmpty else { return nil }
        return value
    }

    public var region: String? { self["region"] }
    public var roleARN: String? { self["role_arn"] }
    public var sourceProfile: String? { self["source_profile"] }
    public var hasStaticCredentials: Bool { self["aws_access_key_id"] != nil && self["aws_secret_access_key"] != nil }
}

/// Both shared files, read once.
public struct SharedConfiguration: Sendable {
    public let configFile: SharedConfigFile
    public let credentialsFile: SharedConfigFile
    public let configPath: String
    public let credentialsPath: String

    public init(
        configFile: SharedConfigFile, credentialsFile: SharedConfigFile, configPath: String, credentialsPath: String
    ) {
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// Reads `AWS_CONFIG_FILE` (default `~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE` (`~/.aws/credentials`).
    public static func load(environment: AWSEnvironment) throws -> SharedConfiguration {
        let configPath = environment.expandingTilde(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        let credentialsPath = environment.expandingTilde(
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        return SharedConfiguration(
            configFile: try SharedConfigFile.load(path: configPath),
            credentialsFile: try SharedConfigFile.load(path: credentialsPath),
            configPath: configPath,
            credentialsPath: credentialsPath)
    }

    /// The merged profile, or `nil` when neither file names it.
    public func profile(named name: String) -> AWSProfile? {
        let configSection =
            configFile.sections[name == "default" ? "default" : "profile \(name)"]
            ?? (name == "default" ? configFile.sections["profile default"] : nil)
        let credentialsSection = credentialsFile.sections[name]
        if configSection == nil && credentialsSection == nil { return nil }
        var settings = configSection ?? [:]
        for (key, value) in credentialsSection ?? [:] { settings[key] = value }
        return AWSProfile(name: name, settings: settings)
    }

    /// Every profile name found in either file, for error messages.
    public var profileNames: [String] {
        var names = Set(credentialsFile.sections.keys)
        for section in configFile.sections.keys {
            if section == "default" { names.insert("default") }
            if section.hasPrefix("profile ") { names.insert(String(section.dropFirst("profile ".count))) }
        }
        return names.sorted()
    }
}
