/// The result of running a procedure.
public struct RunReport: Sendable {
    /// The procedure's name.
    public var procedure: String
    /// The path of its file.
    public var file: String
    /// Whether every step succeeded or was skipped.
    public var success: Bool
    /// Wall time of the run.
    public var durationNanoseconds: UInt64
    /// Each step that started, in order (steps after an abort are absent).
    public var steps: [StepResult]
    /// The procedure's outputs (empty when the run failed before rendering them).
    public var outputs: [String: Value]
    /// Whether the run was interrupted.
    public var interrupted = false
    /// A problem that ended the run outside any step (an output that could not render).
    public var error: String?
    /// Whether this was a `--dry-run`: nothing ran, the steps are what would run.
    public var dryRun = false

    /// Creates a report from its parts (the interpreter makes them; tools and tests may too).
    public init(
        procedure: String, file: String, success: Bool, durationNanoseconds: UInt64, steps: [StepResult],
        outputs: [String: Value], interrupted: Bool = false, error: String? = nil
    ) {
        self.procedure = procedure
        self.file = file
        self.success = success
        self.durationNanoseconds = durationNanoseconds
        self.steps = steps
        self.outputs = outputs
        self.interrupted = interrupted
        self.error = error
    }

    /// Wall time in whole milliseconds.
    public var durationMilliseconds: Int { Int(durationNanoseconds / 1_000_000) }

    /// The first failed step, if any.
    public var firstFailure: StepResult? { steps.first { $0.status == .failed } }
}
