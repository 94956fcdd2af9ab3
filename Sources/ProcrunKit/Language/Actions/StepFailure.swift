/// Why a step attempt failed: in procrun's own words (``message``, what the stats block may
/// keep), and as shown to people (``shown``: the message with text quoted from the step's output,
/// such as the last line of its standard error or the outcome an expectation was checked against).
struct StepFailure: Error {
    /// Why, in procrun's own words, never quoting the step's output.
    var message: String
    /// Why, as the terminal, the JSON report and MCP results show it.
    var shown: String
    /// The failure as data, when it is at a position in a file.
    var diagnostic: Diagnostic?
    /// Whether the run's interrupt is the cause (``interrupted``).
    var isInterrupt = false

    /// The failure of a step the run's interrupt ended.
    static var interrupted: StepFailure {
        var failure = StepFailure(Interrupts.message)
        failure.isInterrupt = true
        return failure
    }

    /// The message of a step cut short because a calling step's `timeout` ran out.
    static let callTimedOut = "timed out: the timeout of the step that called this procedure ran out"
    /// What a step of a parallel group reports when `fail_fast` ended it because another failed.
    static let cancelledMessage = "ended early: another step of its parallel group failed (fail_fast)"

    /// A failure that quotes nothing from the step's output.
    init(_ message: String) {
        self.message = message
        shown = message
    }

    /// A failure shown as `message` followed by `detail`, text quoted from the step's output
    /// (with its separator: `": ..."`, `"; it was '...'"`).
    init(_ message: String, quoting detail: String) {
        self.message = message
        shown = message + detail
    }

    /// A failure at a position in a file, written by ``DiagnosticRenderer/line(_:)``.
    init(_ diagnostic: Diagnostic) {
        self.init(DiagnosticRenderer.line(diagnostic))
        self.diagnostic = diagnostic
    }

    /// A failure whose shown text is entirely the step's own words (an executor's `error`).
    init(cause: String, shown: String) {
        message = cause
        self.shown = shown
    }
}
