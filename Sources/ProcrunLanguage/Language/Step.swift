package import ProcrunText

/// One step of a procedure, as read and checked from its file.
///
/// What most steps leave at its default (expectations, `when`, timeout, retries, outputs, notes)
/// lives in one shared, copy-on-write box, so a step is about 100 bytes instead of 450: a 10,000-step
/// procedure is copied, checked and run step by step, and every byte of a step is touched each time.
package struct Step: Sendable {
    /// The 0-based position in the procedure, counting every step in file order: a parallel group's
    /// steps right after the group, `finally` steps after all the others.
    package var index: Int
    /// Where the step's mapping starts.
    package var location: SourceLocation
    /// The optional unique id.
    package var id: Located<String>?
    /// The action's name as written.
    package var action: Located<String>
    /// The action with its parameters, compiled.
    package var call: ActionCall
    /// What a failure does to the run.
    package var onFailure = FailurePolicy.abort
    private var details = Self.defaultDetails
    private static let defaultDetails = OutOfLine(Details())

    /// A step running `call`, with every other setting at its default.
    init(index: Int, location: SourceLocation, id: Located<String>? = nil, action: Located<String>, call: ActionCall) {
        self.index = index
        self.location = location
        self.id = id
        self.action = action
        self.call = call
    }

    /// What the outcome must be.
    package var expect: Expectation {
        // Read in place: every step's expectations are read after its action, and most are the default.
        _read { yield details.value.expect }
        set { details.update { $0.expect = newValue } }
    }
    /// The condition that must hold for the step to run.
    package var when: Condition? {
        get { details.value.when }
        set { details.update { $0.when = newValue } }
    }
    /// The longest the step may run.
    package var timeout: Duration? {
        get { details.value.timeout }
        set { details.update { $0.timeout = newValue } }
    }
    /// How it is retried.
    package var retry: RetryPolicy {
        get { details.value.retry }
        set { details.update { $0.retry = newValue } }
    }
    /// Named values computed from the step's own result.
    package var outputs: [(name: String, field: TemplateField)] {
        get { details.value.outputs }
        set { details.update { $0.outputs = newValue } }
    }
    /// Free text for people.
    package var notes: String {
        get { details.value.notes }
        set { details.update { $0.notes = newValue } }
    }

    /// Processes the step leaves running (a service it starts) are left alone when the run ends;
    /// otherwise what is left of its process group is ended then.
    package var keepRunning: Bool {
        get { details.value.keepRunning }
        set { details.update { $0.keepRunning = newValue } }
    }

    /// `for_each`/`as`: run once per item of a list.
    package var loop: StepLoop? {
        get { details.value.loop }
        set { details.update { $0.loop = newValue } }
    }

    /// Whether the step is one of the procedure's `finally` steps (or in a group among them).
    package var isFinally: Bool {
        get { details.value.isFinally }
        set { details.update { $0.isFinally = newValue } }
    }

    /// The index of the parallel group the step belongs to, if any.
    package var group: Int? {
        get { details.value.group }
        set { details.update { $0.group = newValue } }
    }

    /// The procedures that must have run, successfully, before this step (`needs:`), each a call
    /// step of its own (``isNeed``); every one runs at most once per run with the same inputs.
    package var needs: [Step] {
        get { details.value.needs }
        set { details.update { $0.needs = newValue } }
    }

    /// What must hold before the step runs (`precondition:`), checked in order right after its
    /// `when`: an unmet one fails the step with its message.
    package var preconditions: [Precondition] {
        get { details.value.preconditions }
        set { details.update { $0.preconditions = newValue } }
    }

    /// Whether this is one entry of a `needs:` list, run as a call step before what needed it.
    package var isNeed: Bool {
        get { details.value.isNeed }
        set { details.update { $0.isNeed = newValue } }
    }

    /// `sources`/`generates`/`status`: when the check holds, the step is skipped as up to date.
    package var upToDate: UpToDateCheck? {
        get { details.value.upToDate }
        set { details.update { $0.upToDate = newValue } }
    }

    /// True when the step sets none of expectations, `when`, timeout, retries, outputs, notes, a loop, needs, preconditions
    /// and an up-to-date check (most steps): checking and running can then skip them without reading them.
    package var hasDefaultSettings: Bool { details.isShared(with: Self.defaultDetails) }

    /// How reports name the step: its id, or `#N`; a need is named `needs`.
    package var displayName: String { id?.value ?? (isNeed ? "needs" : "#\(index + 1)") }

    /// Whether the step is a parallel group of steps.
    package var isGroup: Bool {
        if case .parallel = call { return true }
        return false
    }

    /// The settings most steps leave at their defaults (``defaultDetails`` holds them for all).
    private struct Details: Sendable {
        var expect = Expectation()
        var when: Condition?
        var timeout: Duration?
        var retry = RetryPolicy()
        var outputs: [(name: String, field: TemplateField)] = []
        var notes = ""
        var keepRunning = false
        var loop: StepLoop?
        var isFinally = false
        var group: Int?
        var needs: [Step] = []
        var preconditions: [Precondition] = []
        var isNeed = false
        var upToDate: UpToDateCheck?
    }
}
