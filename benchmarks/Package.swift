// swift-tools-version: 6.1
// Micro-benchmarks for procrun (ordo-one/benchmark): `swift package --package-path benchmarks benchmark`.
// A package of its own, so that building procrun never fetches or builds the benchmark harness.
import PackageDescription

let package = Package(
    name: "procrun-benchmarks",
    dependencies: [
        .package(name: "procrun", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ProcrunBenchmarks",
            dependencies: [
                .product(name: "ProcrunKit", package: "procrun"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ProcrunBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
