import Benchmark
import ProcrunKit

/// A procedure of `count` steps of the given kind, as YAML text.
func procedureText(steps count: Int, action: String = "log") -> String {
    var text = "name: bench\ninputs:\n  name: {type: string, default: bench}\nsteps:\n"
    for index in 1...count {
        if action == "log" {
            text += "  - action: log\n    parameters: {message: \"step \(index) of {{ inputs.name }}\"}\n"
        } else {
            text += "  - action: shell\n    parameters: {command: /bin/true}\n"
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
}
