/// What the lab's resources cost, from `prices:` in `lab.yaml` (LAB.md), for the "still running" panel: hourly
/// prices for what bills by the hour, per-million prices for what bills per request (nothing while idle).
public struct LabPrices: Sendable, Codable, Equatable {
    /// App Mesh: each Envoy proxy (one per task with an envoy container), per hour.
    public var appMeshProxyHour: Double
    /// Fargate: per vCPU per hour, and per GB of memory per hour.
    public var fargateVCPUHour: Double
    public var fargateGBHour: Double
    public var sqsPerMillionRequests: Double
    public var snsPerMillionRequests: Double
    public var lambdaPerMillionRequests: Double

    public init(
        appMeshProxyHour: Double = 0, fargateVCPUHour: Double = 0, fargateGBHour: Double = 0,
        sqsPerMillionRequests: Double = 0, snsPerMillionRequests: Double = 0, lambdaPerMillionRequests: Double = 0
    ) {
        self.appMeshProxyHour = appMeshProxyHour
        self.fargateVCPUHour = fargateVCPUHour
        self.fargateGBHour = fargateGBHour
        self.sqsPerMillionRequests = sqsPerMillionRequests
        self.snsPerMillionRequests = snsPerMillionRequests
        self.lambdaPerMillionRequests = lambdaPerMillionRequests
    }

    /// A lab without `prices:` shows resources without costs.
    public static let none = LabPrices()

    static let keys = [
        "appMeshProxyHour", "fargateVCPUHour", "fargateGBHour", "sqsPerMillionRequests", "snsPerMillionRequests",
        "lambdaPerMillionRequests",
    ]

    mutating func set(_ key: String, _ value: Double) {
        switch key {
        case "appMeshProxyHour": appMeshProxyHour = value
        case "fargateVCPUHour": fargateVCPUHour = value
        case "fargateGBHour": fargateGBHour = value
        case "sqsPerMillionRequests": sqsPerMillionRequests = value
        case "snsPerMillionRequests": snsPerMillionRequests = value
        default: lambdaPerMillionRequests = value
        }
    }
}
