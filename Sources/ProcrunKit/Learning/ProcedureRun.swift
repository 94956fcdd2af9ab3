/// How procrun runs a procedure, whoever asks: `procrun run`, the MCP server (through a
/// `procrun run` child), ``ProceduralMemory/replay(_:inputs:adapt:learn:executor:)`` and
/// `record --verify` all go through it. A run loads the procedure with its call graph (every
/// callee checked before anything runs), binds the inputs, interprets the steps and, unless told
/// not to, records the run in the `stats` blocks of the files that ran.
///
/// ```swift
/// let run = ProcedureRun(path: "procedures/deploy_backend.yaml", library: library)
/// let procedure = try run.load()
/// let inputs = try run.bind(texts: [("tag", "v2")], to: procedure)
/// let outcome = run.execute(procedure, inputs: inputs)
/// ```
public final class ProcedureRun {
    /// The procedure's file.
    public let path: String
    /// The library the run uses.
    public let library: Library
    /// The procedures loaded for the run: the root and every procedure it calls.
    public let graph: CallGraph

    /// A run of the procedure at `path` (already resolved through the library); nothing is read yet.
    /// `adaptations` override parameters of the root procedure's steps (`--adapt`).
    public init(path: String, library: Library, adaptations: [Adaptation] = []) {
        self.path = path
        self.library = library
        self.graph = CallGraph(library: library, adaptations: adaptations)
    }

    /// The files read so far (the library's configuration and every procedure loaded), for quoting
    /// their lines in diagnostics.
    public var sources: [SourceFile] {
        (library.configFile.map { [$0] } ?? []) + graph.sources
    }

    /// Loads the procedure and every procedure it calls, throwing every problem found.
    public func load() throws(DiagnosticsError) -> Procedure {
        try graph.load(path: path)
    }

    /// The inputs for a run of `procedure`: typed `values` (a JSON object from an agent: a list
    /// stays a list) and `NAME=VALUE` texts (`--set`, read as each input's type; they win), checked
    /// by ``InputBinder``.
    public func bind(texts: [(name: String, text: String)] = [], values: [String: Value] = [:], to procedure: Procedure) throws(DiagnosticsError) -> [String: Value] {
        try InputBinder.bind(texts, values: values, to: procedure)
    }

    /// What a run did.
    public struct Outcome {
        /// The report of every step.
        public var report: RunReport
        /// Whether the run was recorded in the stats blocks.
        public var learned = false
        /// Why the stats of this run could not be saved (the run's result stands).
        public var learningProblems: [Diagnostic] = []
    }

    /// Interprets `procedure` with bound `inputs`, then records the run unless `learn` is false,
    /// the run was a dry run, or it was interrupted. `callerExecutor` performs the actions nothing
    /// else defines (for a library with ``Library/callerExecutes``).
    public func execute(
        _ procedure: Procedure, inputs: [String: Value], options: RunOptions = RunOptions(), observer: (any RunObserver)? = nil,
        learn: Bool = true, callerExecutor: ((_ action: String, _ parameters: [String: Value]) throws -> String)? = nil
    ) -> Outcome {
        let interpreter = Interpreter(procedure: procedure, library: library, observer: observer, options: options, graph: graph, callerExecutor: callerExecutor)
        var outcome = Outcome(report: interpreter.run(inputs: inputs))
        if learn, !options.dryRun, !outcome.report.interrupted {
            outcome.learningProblems = StatsLearner.recordRun(outcome.report, at: path, loaded: procedure)
            outcome.learned = outcome.learningProblems.isEmpty
        }
        return outcome
    }
}
