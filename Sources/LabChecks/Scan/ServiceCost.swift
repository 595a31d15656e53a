import AWSClient
import Foundation
import LabContent

/// What an ECS service costs per hour on Fargate with the lab's prices, and the arithmetic in words.
struct ServiceCost {
    let tasks: Int
    let vCPUs: Double
    let gigabytes: Double
    let proxies: Int
    let hourly: Double

    init(tasks: Int, taskDefinition: ECSModels.TaskDefinition, prices: LabPrices) {
        self.tasks = tasks
        vCPUs = (taskDefinition.cpu.flatMap(Double.init) ?? 0) / 1024
        gigabytes = (taskDefinition.memory.flatMap(Double.init) ?? 0) / 1024
        let hasEnvoy = (taskDefinition.containerDefinitions ?? []).contains { container in
            container.name.lowercased().contains("envoy") || container.image.lowercased().contains("envoy")
        }
        proxies = hasEnvoy ? tasks : 0
        let perTask = vCPUs * prices.fargateVCPUHour + gigabytes * prices.fargateGBHour
        hourly = Double(tasks) * perTask + Double(proxies) * prices.appMeshProxyHour
    }

    /// "2 tasks × (0.25 vCPU, 0.5 GB) on Fargate + 2 App Mesh proxies".
    var detail: String {
        var text = "\(tasks) task\(tasks == 1 ? "" : "s") × (\(Self.number(vCPUs)) vCPU, \(Self.number(gigabytes)) GB) on Fargate"
        if proxies > 0 { text += " + \(proxies) App Mesh prox\(proxies == 1 ? "y" : "ies")" }
        return text
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}
