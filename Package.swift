// swift-tools-version: 6.1
import PackageDescription

let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "procrun",
    products: [
        .executable(name: "procrun", targets: ["procrun"]),
        .executable(name: "procrun-mcp", targets: ["procrun-mcp"]),
        .library(name: "ProcrunKit", targets: ["ProcrunKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // The MCP SDK's own dependency, named for the logger its `Transport` protocol requires.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        // The system libyaml, read through its event API (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Linux calls that Glibc's Swift module does not expose (pidfd_open, mkostemp, the spawn that ends with procrun).
        .target(name: "CShims"),
        // Commands/ declares each command's arguments and options with ArgumentParser, once, for
        // the executables to parse; no other folder imports it.
        .target(
            name: "ProcrunKit",
            dependencies: ["CYAML", "CShims", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: settings
        ),
        // The MCP server (`procrun mcp`), kept apart so that ProcrunKit and the `procrun` executable
        // do not link the MCP SDK, which brings Foundation (about 14 MB more resident per run).
        .target(
            name: "ProcrunMCP",
            dependencies: [
                "ProcrunKit",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        // `procrun mcp` executes this program, installed beside `procrun`.
        .executableTarget(
            name: "procrun-mcp",
            dependencies: [
                "ProcrunKit",
                "ProcrunMCP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "procrun",
            dependencies: [
                "ProcrunKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ProcrunKitTests",
            dependencies: ["ProcrunKit"],
            // The YAML test suite's cases, read by YAMLTestSuiteTests.
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
        // Runs the built `procrun` binary on the fixture files beside it.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ProcrunKit", "procrun"],
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
    ]
)
