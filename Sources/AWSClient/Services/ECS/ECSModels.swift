/// The ECS shapes the labs use, with ECS's lower-camel-case JSON names.
public enum ECSModels {
    public struct Cluster: Codable, Sendable {
        public let clusterArn: String
        public let clusterName: String
        public let status: String?
        public let serviceConnectDefaults: ServiceConnectDefaults?
    }

    public struct ServiceConnectDefaults: Codable, Sendable {
        /// The Cloud Map namespace (name or ARN).
        public let namespace: String

        public init(namespace: String) {
            self.namespace = namespace
        }
    }

    public struct PortMapping: Codable, Sendable {
        public var name: String?
        public var containerPort: Int
        public var `protocol`: String?
        /// `http`, `http2` or `grpc`: Service Connect needs it.
        public var appProtocol: String?

        public init(name: String? = nil, containerPort: Int, protocol: String? = "tcp", appProtocol: String? = nil) {
            self.name = name
            self.containerPort = containerPort
            self.protocol = `protocol`
            self.appProtocol = appProtocol
        }
    }

    public struct ContainerDefinition: Codable, Sendable {
        public var name: String
        public var image: String
        public var memory: Int?
        public var cpu: Int?
        public var essential: Bool?
        public var portMappings: [PortMapping]?

        public init(
            name: String, image: String, memory: Int? = 512, cpu: Int? = nil, essential: Bool? = true,
            portMappings: [PortMapping]? = nil
        ) {
            self.name = name
            self.image = image
            self.memory = memory
            self.cpu = cpu
            self.essential = essential
            self.portMappings = portMappings
        }
    }

    public struct TaskDefinition: Codable, Sendable {
        public let taskDefinitionArn: String
        public let family: String
        public let revision: Int?
        public let containerDefinitions: [ContainerDefinition]?
        /// Task-level CPU units and memory MiB, as ECS writes them: strings (`"512"`, `"1024"`).
        public let cpu: String?
        public let memory: String?
        public let status: String?
    }

    /// ECS's tag shape: lower-case `key` and `value`.
    public struct Tag: Codable, Sendable, Equatable {
        public let key: String
        public let value: String

        static func make(_ tags: [String: String]) -> [Tag] {
            tags.keys.sorted().map { Tag(key: $0, value: tags[$0] ?? "") }
        }
    }

    public struct ClientAlias: Codable, Sendable {
        public var port: Int
        public var dnsName: String?

        public init(port: Int, dnsName: String? = nil) {
            self.port = port
            self.dnsName = dnsName
        }
    }

    public struct ServiceConnectService: Codable, Sendable {
        public var portName: String
        public var discoveryName: String?
        public var clientAliases: [ClientAlias]?

        public init(portName: String, discoveryName: String? = nil, clientAliases: [ClientAlias]? = nil) {
            self.portName = portName
            self.discoveryName = discoveryName
            self.clientAliases = clientAliases
        }
    }

    public struct ServiceConnectConfiguration: Codable, Sendable {
        public var enabled: Bool
        public var namespace: String?
        public var services: [ServiceConnectService]?

        public init(enabled: Bool, namespace: String? = nil, services: [ServiceConnectService]? = nil) {
            self.enabled = enabled
            self.namespace = namespace
            self.services = services
        }
    }

    /// The Cloud Map service ECS created for one Service Connect discovery name.
    public struct ServiceConnectServiceResource: Codable, Sendable {
        public let discoveryName: String?
        public let discoveryArn: String?
    }

    /// One rollout of a service: `PRIMARY` is the one ECS is converging to, `ACTIVE` ones are being replaced.
    public struct Deployment: Codable, Sendable {
        public let id: String?
        public let status: String?
        public let desiredCount: Int?
        public let runningCount: Int?
        /// Where real ECS reports a service's Service Connect settings (the service itself has none).
        public let serviceConnectConfiguration: ServiceConnectConfiguration?
        public let serviceConnectResources: [ServiceConnectServiceResource]?
    }

    public struct Service: Codable, Sendable {
        public let serviceArn: String
        public let serviceName: String
        public let clusterArn: String?
        public let status: String?
        public let desiredCount: Int?
        public let runningCount: Int?
        public let taskDefinition: String?
        /// moto stores but ignores Service Connect on services (AWS.md): expect `nil` in the sandbox.
        public let serviceConnectConfiguration: ServiceConnectConfiguration?
        public let deployments: [Deployment]?
    }

    public struct Failure: Codable, Sendable {
        public let arn: String?
        public let reason: String?
    }
}
