import Benchmark
import ProcrunTestSupport

/// A procedure of `count` steps of the given kind (`log` or `shell`), as YAML text.
func procedureText(steps count: Int, action: String = "log", ids: Bool = false) -> String {
    var text = "name: bench\ninputs:\n  name: {type: string, default: bench}\nsteps:\n"
    for index in 1...count {
        text += ids ? "  - id: s\(index)\n    action: \(action)\n" : "  - action: \(action)\n"
        if action == "log" {
            text += "    parameters: {message: \"step \(index) of {{ inputs.name }}\"}\n"
        } else {
            text += "    parameters: {command: /bin/true}\n"
        }
    }
    return text
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(2))

    for count in [10, 1_000, 10_000] {
        let text = procedureText(steps: count)
        Benchmark("load and validate \(count) steps") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try BenchmarkHooks.load(text))
            }
        }
    }

    let render = try? BenchmarkHooks.render()
    Benchmark("render a template", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try render?())
        }
    }

    let logs = try? BenchmarkHooks.run(procedureText(steps: 1_000))
    Benchmark("run 1000 built-in log steps") { benchmark in
        guard let logs else { return }
        for _ in benchmark.scaledIterations {
            blackHole(logs())
        }
    }

    // The stats rewrite of a 1000-step procedure that already has a stats block: parse, add the
    // run, splice, and parse the result again to check it (everything but the file system).
    let rewrite = try? BenchmarkHooks.statsRewrite(procedureText(steps: 1_000, ids: true))
    Benchmark("stats rewrite, 1000 steps") { benchmark in
        guard let rewrite else { return }
        for _ in benchmark.scaledIterations {
            blackHole(try rewrite())
        }
    }

    // Ranking a 10,000-procedure library: indexing it (cold, every file read; warm, from the
    // cache) and answering one query from a built index.
    let libraryRoot = (try? BenchmarkHooks.generateLibrary(count: 10_000)) ?? "/tmp/procrun-bench-library"
    Benchmark("index 10,000 procedures, cold", configuration: .init(maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BenchmarkHooks.index(libraryRoot, useCache: false))
        }
    }
    _ = BenchmarkHooks.index(libraryRoot, useCache: true)
    Benchmark("index 10,000 procedures, warm (cache)", configuration: .init(maxDuration: .seconds(5), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BenchmarkHooks.index(libraryRoot, useCache: true))
        }
    }
    let rank = BenchmarkHooks.ranker(libraryRoot)
    Benchmark("rank 10,000 procedures for a task") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(rank("rotate the database certificates in production"))
        }
    }
}
