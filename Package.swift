// swift-tools-version:6.1
import PackageDescription

/// Every target opts into the same upcoming features as Hummingbird, so imports and existentials stay explicit.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "labguide",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "labguide", targets: ["LabGuide"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The command line: parses arguments and calls into the libraries below.
        .executableTarget(
            name: "LabGuide",
            dependencies: [
                "LabGuideServer", "LabContent", "LabStore", "LabSandbox", "LabJobs", "AWSClient", "BreakerSimulator",
                "LabChecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP application: controllers, middleware, views.
        .target(
            name: "LabGuideServer",
            dependencies: [
                "LabContent", "LabStore", "LabSandbox", "LabJobs", "LabChecks", "BreakerSimulator", "AWSClient",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                "Resilience",
            ],
            swiftSettings: swiftSettings
        ),
        // The local AWS sandbox: moto as a child process behind a proxy with one emulated account per learner.
        .target(
            name: "LabSandbox",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The durable job queue: kinds, leases, retries, and the worker service.
        .target(
            name: "LabJobs",
            dependencies: [
                "LabStore", "LabContent", "LabChecks", "LabSandbox", "AWSClient", "Resilience",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Learners, sessions, progress and events in SQLite.
        .target(
            name: "LabStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Lab model, loader, validator and Markdown rendering.
        .target(
            name: "LabContent",
            dependencies: ["Yams", "Ink"],
            swiftSettings: swiftSettings
        ),
        // Discrete-event simulation of the order → inventory call path over the real resilience types.
        .target(
            name: "BreakerSimulator",
            dependencies: ["Resilience"],
            swiftSettings: swiftSettings
        ),
        // Hand-written AWS client: SigV4, credentials, endpoints, retries, wire protocols.
        .target(
            name: "AWSClient",
            dependencies: [
                "Resilience",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Desired state in AWS: observe, ensure and remove the resources a lab declares, and scan a learner's account.
        .target(
            name: "LabChecks",
            dependencies: ["AWSClient", "LabContent", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Circuit breaker, retry, bulkhead and timeout on an injected clock.
        .target(
            name: "Resilience",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "LabGuideServerTests",
            dependencies: [
                "LabGuideServer", "LabContent", "LabStore", "BreakerSimulator", "LabJobs",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LabSandboxTests",
            dependencies: [
                "LabSandbox", "AWSClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LabJobsTests",
            dependencies: [
                "LabJobs", "LabStore", "Resilience", "LabChecks", "LabContent", "AWSClient", "MotoTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LabStoreTests", dependencies: ["LabStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LabContentTests",
            dependencies: ["LabContent"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakerSimulatorTests",
            dependencies: ["BreakerSimulator"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AWSClientTests",
            dependencies: [
                "AWSClient", "MotoTestSupport", "Resilience", .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Support/stub_server.py"],
            swiftSettings: swiftSettings
        ),
        // A moto_server child process per suite, shared by the suites that talk to the emulator.
        .target(
            name: "MotoTestSupport",
            dependencies: ["AWSClient", "LabSandbox", .product(name: "Logging", package: "swift-log")],
            path: "Tests/MotoTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LabChecksTests",
            dependencies: [
                "LabChecks", "LabContent", "AWSClient", "MotoTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ResilienceTests",
            dependencies: ["Resilience", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
    ]
)
