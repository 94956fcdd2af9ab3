import Benchmark
import ProcrunKit

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

/// Loads and validates a procedure from text, as `procrun check` does.
func load(_ text: String) throws -> Procedure {
    try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "bench.yaml", text: text))
}

/// Hears nothing: the interpreter's cost without a terminal.
final class SilentObserver: RunObserver {
    func stepFinished(_ result: StepResult, step: Step, of procedure: Procedure) {}
}

/// A run of `count` log steps, all succeeded, as the learning layer receives it.
func report(steps count: Int) -> RunReport {
    let steps = (1...count).map { number in
        var result = StepResult(number: number, id: "s\(number)", action: "log", status: .success)
        result.durationNanoseconds = 1_000_000
        return result
    }
    return RunReport(procedure: "bench", file: "bench.yaml", success: true, durationNanoseconds: 5_000_000, steps: steps, outputs: [:])
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(2))

    for count in [10, 1_000, 10_000] {
        let text = procedureText(steps: count)
        Benchmark("load and validate \(count) steps") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try load(text))
            }
        }
    }

    let template = try? Template(parsing: "deploy {{ inputs.name | upper }} to {{ inputs.env }} ({{ inputs.replicas }} replicas)")
    let context = RenderContext(roots: [
        "inputs": .mapping(["name": .string("backend"), "env": .string("staging"), "replicas": .integer(3)])
    ])
    Benchmark("render a template", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try template?.renderText(in: context))
        }
    }

    let logs = try? load(procedureText(steps: 1_000))
    Benchmark("run 1000 built-in log steps") { benchmark in
        guard let logs else { return }
        for _ in benchmark.scaledIterations {
            let observer = SilentObserver()
            let interpreter = Interpreter(procedure: logs, library: Library(root: "."), observer: observer)
            blackHole(interpreter.run(inputs: ["name": .string("bench")], environment: [:]))
        }
    }

    // The stats rewrite of a 1000-step procedure that already has a stats block: parse, add the
    // run, splice, and parse the result again to check it (everything but the file system).
    let learned = try? StatsDocument(file: SourceFile(path: "bench.yaml", text: procedureText(steps: 1_000, ids: true)))
        .replacingStats(with: StatsLearner.delta(for: report(steps: 1_000), now: "2026-11-25T13:05:00Z"))
    Benchmark("stats rewrite, 1000 steps") { benchmark in
        guard let learned else { return }
        let run = report(steps: 1_000)
        for _ in benchmark.scaledIterations {
            let document = try StatsDocument(file: SourceFile(path: "bench.yaml", bytes: learned))
            let delta = StatsLearner.delta(for: run, now: "2026-11-25T13:06:00Z")
            blackHole(try document.replacingStats(with: document.stats.adding(delta)))
        }
    }

    // Ranking a 10,000-procedure library: indexing it (cold, every file read; warm, from the
    // cache) and answering one query from a built index.
    let libraryRoot = (try? FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-bench-library-")) ?? "/tmp/procrun-bench-library"
    _ = try? LibraryGenerator(seed: 42).generate(count: 10_000, into: libraryRoot)
    Benchmark("index 10,000 procedures, cold", configuration: .init(maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LibraryIndex(root: libraryRoot, useCache: false))
        }
    }
    _ = LibraryIndex(root: libraryRoot)
    Benchmark("index 10,000 procedures, warm (cache)", configuration: .init(maxDuration: .seconds(5), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LibraryIndex(root: libraryRoot))
        }
    }
    let ranker = Ranker(index: LibraryIndex(root: libraryRoot).index)
    Benchmark("rank 10,000 procedures for a task") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ranker.rank("rotate the database certificates in production"))
        }
    }
}
