import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// What the micro-benchmarks (`benchmarks/`, a package of its own) measure, in the test-support
/// target so that neither `procrun` nor the library's public API carries them:
/// `import ProcrunTestSupport`. Each function does exactly the work it is named after; results come
/// back opaque, for the benchmark's `blackHole`.
public enum BenchmarkHooks {
    /// Loads and validates a procedure from text, as `procrun check` does.
    public static func load(_ text: String) throws -> Any {
        try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "bench.yaml", text: text))
    }

    /// A template and the values it is rendered with.
    public struct Render: Sendable {
        let template: Template
        let context: RenderContext

        /// Renders the template once.
        public func callAsFunction() throws -> String {
            try template.renderText(in: context)
        }
    }

    /// `deploy {{ inputs.name | upper }} to {{ inputs.env }} ({{ inputs.replicas }} replicas)`,
    /// with its three inputs.
    public static func render() throws -> Render {
        let template = try Template(parsing: "deploy {{ inputs.name | upper }} to {{ inputs.env }} ({{ inputs.replicas }} replicas)")
        let context = RenderContext(roots: ["inputs": .mapping(["name": .string("backend"), "env": .string("staging"), "replicas": .integer(3)])])
        return Render(template: template, context: context)
    }

    /// A loaded procedure, run by the interpreter with no one listening.
    public struct Run: Sendable {
        let procedure: Procedure

        /// Runs every step once and returns the report.
        public func callAsFunction() -> Any {
            Interpreter(procedure: procedure, library: Library(root: "."), observer: nil).run(inputs: ["name": .string("bench")], environment: [:])
        }
    }

    /// The run of the procedure in `text` (input `name`).
    public static func run(_ text: String) throws -> Run {
        Run(procedure: try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "bench.yaml", text: text)))
    }

    /// The stats rewrite of a procedure file that already has a stats block: parse, add one run of
    /// every step, splice, and parse the result again to check it (everything but the file system).
    public struct StatsRewrite: Sendable {
        let bytes: [UInt8]
        let report: RunReport

        /// Rewrites the stats block once and returns the new bytes.
        public func callAsFunction() throws -> [UInt8] {
            let document = try StatsDocument(file: SourceFile(path: "bench.yaml", bytes: bytes))
            let delta = StatsLearner.delta(for: report, keys: document.stepKeys, now: "2026-11-25T13:06:00Z", runID: "0badc0de")
            return try document.replacingStats(with: document.stats.adding(delta))
        }
    }

    /// The stats rewrite of the procedure in `text` (steps with ids), after one recorded run.
    public static func statsRewrite(_ text: String) throws -> StatsRewrite {
        let first = try StatsDocument(file: SourceFile(path: "bench.yaml", text: text))
        let report = RunReport(
            procedure: "bench", file: "bench.yaml", success: true, durationNanoseconds: 5_000_000,
            steps: first.stepKeys.indices.map { index in
                var result = StepResult(number: index + 1, id: first.stepKeys[index], action: "log", status: .success)
                result.durationNanoseconds = 1_000_000
                return result
            }, outputs: [:])
        let learned = try first.replacingStats(with: StatsLearner.delta(for: report, keys: first.stepKeys, now: "2026-11-25T13:05:00Z", runID: "5eed5eed"))
        return StatsRewrite(bytes: learned, report: report)
    }

    /// Writes a synthetic library of `count` procedures into a new temporary folder; returns it.
    public static func generateLibrary(count: Int, seed: UInt64 = 42) throws -> String {
        let root = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-bench-library-")
        try LibraryGenerator(seed: seed).generate(count: count, into: root)
        return root
    }

    /// Indexes the library at `root` for `find` (`useCache`: through its cache, refreshing it).
    public static func index(_ root: String, useCache: Bool) -> Any {
        LibraryIndex(root: root, useCache: useCache)
    }

    /// A ranker over the library at `root`, indexed once.
    public struct Rank: Sendable {
        let ranker: Ranker

        /// The best matches for `task`.
        public func callAsFunction(_ task: String) -> Any {
            ranker.rank(task)
        }
    }

    /// A ranker over the library at `root`.
    public static func ranker(_ root: String) -> Rank {
        Rank(ranker: Ranker(index: LibraryIndex(root: root).index))
    }
}
