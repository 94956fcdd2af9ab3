package import ProcrunLanguage
package import ProcrunText

/// What one step did: the figures reports show and later steps read as `steps.ID`.
package struct StepResult: Sendable {
    /// The step's 1-based number.
    package var number: Int
    /// The step's id, if it has one.
    package var id: String?
    /// The action's name.
    package var action: String
    /// How it ended.
    package var status: StepStatus
    /// What the action produced: the step's action fills it in place.
    package var output = ActionResult()
    /// The action's outcome (for commands, standard output).
    package var outcome: String {
        get { output.outcome }
        set { output.outcome = newValue }
    }
    /// Standard output without its final newline (commands only).
    package var stdout: String {
        get { output.stdout }
        set { output.stdout = newValue }
    }
    /// Standard error without its final newline (commands only).
    package var stderr: String {
        get { output.stderr }
        set { output.stderr = newValue }
    }
    /// The exit code (commands), the HTTP status (`http`), or nil.
    package var exitCode: Int? {
        get { output.exitCode }
        set { output.exitCode = newValue }
    }
    /// Wall time of every attempt together.
    package var durationNanoseconds: UInt64 = 0
    /// Why it failed, as shown: it may quote the step's output (secrets and credential-shaped
    /// strings hidden, control characters taken out).
    package var error: String?
    /// Why it failed in procrun's own words, never quoting the step's output ("expected exit code
    /// 0, got 3", "timed out after 2s"): what the stats block keeps as `last_error`.
    package var cause: String?
    /// How many times it was tried.
    package var attempts = 0
    /// The values of its declared `outputs`.
    package var outputs: [String: Value] = [:]
    /// The results of a nested procedure's steps, when the step called one.
    package var children: [StepResult] {
        get { rare.value.children }
        set { rare.update { $0.children = newValue } }
    }
    /// Where inside the called procedure a call step failed.
    package var failure: NestedFailure? {
        get { rare.value.failure }
        set { rare.update { $0.failure = newValue } }
    }
    /// The file of the procedure a call step ran, so its own stats can be updated.
    package var calledFile: String? {
        get { rare.value.calledFile }
        set { rare.update { $0.calledFile = newValue } }
    }
    /// The failure as a positioned diagnostic, when it is about a place in the procedure file (a
    /// template that could not be rendered, a condition that is not true or false): shown with
    /// its source line and caret, as load-time problems are.
    package var diagnostic: Diagnostic? {
        get { rare.value.diagnostic }
        set { rare.update { $0.diagnostic = newValue } }
    }
    /// The name of the procedure a call step ran.
    package var calledProcedure: String? {
        get { rare.value.calledProcedure }
        set { rare.update { $0.calledProcedure = newValue } }
    }
    /// One result per item, in order, for a step with `for_each` (nil for other steps); read as
    /// `steps.ID.results`.
    package var iterations: [StepResult]? {
        get { rare.value.iterations }
        set { rare.update { $0.iterations = newValue } }
    }
    /// The entry of a step's matrix that this result, one of the step's ``iterations``, ran.
    package var matrixEntry: MatrixEntry? {
        get { rare.value.matrixEntry }
        set { rare.update { $0.matrixEntry = newValue } }
    }
    /// The results of a parallel group's steps, in order, until the run lists them after the
    /// group's own (``ParallelGroupRun``).
    package var members: [StepResult] {
        get { rare.value.members }
        set { rare.update { $0.members = newValue } }
    }
    /// The number of the parallel group the step ran in, if any.
    package var group: Int? {
        get { rare.value.group }
        set { rare.update { $0.group = newValue } }
    }
    /// Not run in this run: a resumed run (``ResumePoint``) took the step's result from the
    /// earlier run. Reported as skipped, and never counted in the stats.
    package var restored: Bool {
        get { rare.value.restored }
        set { rare.update { $0.restored = newValue } }
    }
    /// The results of the needs that ran before the step (`needs:`), then, for a step that calls a
    /// procedure, those that ran before the callee's step 1.
    package var needs: [StepResult] {
        get { rare.value.needs }
        set { rare.update { $0.needs = newValue } }
    }
    /// For a need (``ProcrunLanguage/Step/isNeed``): whether an earlier need of the same procedure
    /// with the same inputs ran it in this run, so this one took its outcome instead of running it.
    package var ranEarlier: Bool {
        get { rare.value.ranEarlier }
        set { rare.update { $0.ranEarlier = newValue } }
    }
    /// Why the step was skipped as up to date (`3 sources unchanged, generates present`), nil
    /// when it was not (grammar.md, "Up-to-date checks").
    package var upToDate: String? {
        get { rare.value.upToDate }
        set { rare.update { $0.upToDate = newValue } }
    }
    /// What kind of failure ended the step, if it failed: how loops, parallel groups, `finally`
    /// steps and the stats tell an interrupt, a cancellation or a time-out from other failures,
    /// without reading the error text.
    package var failureKind: StepFailure.Kind? {
        get { rare.value.failureKind }
        set { rare.update { $0.failureKind = newValue } }
    }
    /// Whether the step failed because the run was interrupted (Ctrl-C, SIGTERM, SIGHUP).
    package var wasInterrupted: Bool { failureKind == .interrupted }
    /// Described by a dry run instead of performed: its outcome says what it would do (for people
    /// and the report), and templates read placeholders for its text (``value``).
    package var described: Bool {
        get { rare.value.described }
        set { rare.update { $0.described = newValue } }
    }
    /// Whether the step is one of the procedure's `finally` steps.
    package var isFinally: Bool {
        get { rare.value.isFinally }
        set { rare.update { $0.isFinally = newValue } }
    }
    /// What few steps have (a call's children and failure, a loop's items, a group's steps, a
    /// positioned diagnostic, `finally` and `restored` marks), out of line in one box that every
    /// result shares until it sets one: a run of 10,000 steps copies and keeps far less.
    private var rare = Self.defaultRare
    private static let defaultRare = OutOfLine(Rare())

    /// The fields of ``rare``.
    private struct Rare: Sendable {
        var children: [StepResult] = []
        var failure: NestedFailure?
        var calledFile: String?
        var diagnostic: Diagnostic?
        var calledProcedure: String?
        var iterations: [StepResult]?
        var matrixEntry: MatrixEntry?
        var members: [StepResult] = []
        var group: Int?
        var restored = false
        var isFinally = false
        var described = false
        var failureKind: StepFailure.Kind?
        var needs: [StepResult] = []
        var ranEarlier = false
        var upToDate: String?
    }

    /// Creates a result.
    package init(number: Int, id: String?, action: String, status: StepStatus) {
        self.number = number
        self.id = id
        self.action = action
        self.status = status
    }

    /// A result of `step`, as it stands before its action runs. (Its fields set here, not through
    /// ``init(number:id:action:status:)``: delegating copied a whole result for every step.)
    init(of step: borrowing Step, status: StepStatus) {
        number = step.index + 1
        id = step.id?.value
        action = step.action.value
        self.status = status
    }

    /// Wall time in whole milliseconds.
    package var durationMilliseconds: Int { Int(durationNanoseconds / 1_000_000) }

    /// The result as templates read it: `steps.ID.FIELD`. A step a dry run described gave no
    /// text: its `outcome`, `stdout` and `stderr` read as placeholders (``placeholder(_:)``).
    package var value: Value {
        let text = { (field: String, actual: String) in Value.string(described ? placeholder(field) : actual) }
        var fields: [String: Value] = [
            "status": .string(status.rawValue), "outcome": text("outcome", outcome), "stdout": text("stdout", stdout), "stderr": text("stderr", stderr),
            "exit_code": .integer(exitCode ?? (status == .failed ? 1 : 0)), "duration_ms": .integer(durationMilliseconds),
            "attempts": .integer(attempts), "outputs": .mapping(outputs),
        ]
        if let iterations { fields["results"] = .list(iterations.map(\.value)) }
        return .mapping(fields)
    }

    /// What templates read, in a dry run, for a value of the step that only running it would give:
    /// `<steps.build.stdout: unknown in a dry run>` (`field` is the path after the step's id).
    package func placeholder(_ field: String) -> String {
        "<steps.\(id ?? "#\(number)").\(field): unknown in a dry run>"
    }
}
