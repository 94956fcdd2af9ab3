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
        // Test support, which `procrun` does not link (see the targets).
        .library(name: "ProcrunTestSupport", targets: ["ProcrunTestSupport"]),
        .library(name: "ProcrunSlowWrite", type: .dynamic, targets: ["CSlowWrite"]),
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
        // ProcrunKit is split into targets along its one-way layers, lowest first, so that the
        // compiler keeps the order: a target imports only those above it here. Within a target,
        // scripts/layers.py checks the order of its folders.
        // Text: the support types, the schema's keys, diagnostics, YAML (libyaml's event API) and templates.
        .target(name: "ProcrunText", dependencies: ["CYAML", "CShims"], swiftSettings: settings),
        // The system: child processes, the shell analysis, HTTP, executors and the MCP client.
        .target(name: "ProcrunSystem", dependencies: ["ProcrunText", "CShims"], swiftSettings: settings),
        // The language: procedures, steps, the built-in actions, libraries, loading and checking.
        .target(name: "ProcrunLanguage", dependencies: ["ProcrunText", "ProcrunSystem"], swiftSettings: settings),
        // Running: the interpreter and the run's reports.
        .target(name: "ProcrunRuntime", dependencies: ["ProcrunText", "ProcrunSystem", "ProcrunLanguage"], swiftSettings: settings),
        // Memory: learning from runs (stats, review, optimize), retrieval, recording, export, agents.
        .target(
            name: "ProcrunMemory",
            dependencies: ["ProcrunText", "ProcrunSystem", "ProcrunLanguage", "ProcrunRuntime"],
            swiftSettings: settings
        ),
        // The commands, each declaring its arguments and options once with ArgumentParser (no
        // other target imports it), and the library's Swift API, re-exported from the targets below.
        .target(
            name: "ProcrunKit",
            dependencies: [
                "ProcrunText", "ProcrunSystem", "ProcrunLanguage", "ProcrunRuntime", "ProcrunMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        // Test support, which the product does not link: a synthetic library generator and the
        // micro-benchmarks' hooks (ProcrunTestSupport); a library the end-to-end tests preload into
        // `procrun` to slow its atomic writes, so that a writer can be killed in the middle (CSlowWrite).
        .target(name: "ProcrunTestSupport", dependencies: ["ProcrunKit"], swiftSettings: settings),
        .target(name: "CSlowWrite"),
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
            // ArgumentParser: the commands' own parsing checks their --help examples.
            dependencies: ["ProcrunKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The YAML test suite's cases, read by YAMLTestSuiteTests.
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
        // Runs the built `procrun` binary on the fixture files beside it.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ProcrunKit", "ProcrunTestSupport", "procrun"],
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
    ]
)
