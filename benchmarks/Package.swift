// swift-tools-version: 6.1
// Micro-benchmarks for procrun (ordo-one/benchmark): `swift package --package-path benchmarks benchmark`.
// A package of its own, so that building procrun never fetches or builds the benchmark harness.
import PackageDescription

let package = Package(
    name: "procrun-benchmarks",
    dependencies: [
        .package(name: "procrun", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "ProcrunBenchmarks",
            dependencies: [
                .product(name: "ProcrunTestSupport", package: "procrun"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ProcrunBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // compare.sh's floor for `procrun --version`: a command line that only parses its arguments.
        .executableTarget(
            name: "empty-parser",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "tools/EmptyParser"
        ),
    ]
)
