package import ProcrunText

/// The result of running a procedure.
package struct RunReport: Sendable {
    /// The procedure's name.
    package var procedure: String
    /// The path of its file.
    package var file: String
    /// Whether every step succeeded or was skipped.
    package var success: Bool
    /// Wall time of the run.
    package var durationNanoseconds: UInt64
    /// Each step that started, in order (steps after an abort are absent).
    package var steps: [StepResult]
    /// The procedure's outputs (empty when the run failed before rendering them).
    package var outputs: [String: Value]
    /// Whether the run was interrupted.
    package var interrupted = false
    /// A problem that ended the run outside any step (an output that could not render).
    package var error: String?
    /// Whether this was a `--dry-run`: nothing ran, the steps are what would run.
    package var dryRun = false
    /// The results of the needs that ran before step 1 (`needs:`), in file order.
    package var needs: [StepResult] = []
    /// Why no step ran because the procedure's up-to-date check held (`3 sources unchanged`),
    /// nil when it did not (grammar.md, "Up-to-date checks").
    package var upToDate: String?
    /// The procedure's first unmet precondition (`precondition:`), which kept anything of it from
    /// running: its error (at the entry) and its command's standard error; nil when none was unmet.
    package var precondition: StepResult?

    /// Creates a report from its parts (the interpreter makes them; tools and tests may too).
    package init(
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
    package var durationMilliseconds: Int { Int(durationNanoseconds / 1_000_000) }

    /// The first failed step, if any.
    package var firstFailure: StepResult? { steps.first { $0.status == .failed } }
}
