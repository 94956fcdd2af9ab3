package import ProcrunText

/// Why a step attempt failed: what kind of failure it is (``kind``, what code decides on), in
/// procrun's own words (``message``, what the stats block may keep), and as shown to people
/// (``shown``: the message with text quoted from the step's output, such as the last line of its
/// standard error or the outcome an expectation was checked against).
package struct StepFailure: Error {
    /// What kind of failure it is. Loops, parallel groups, `finally` steps, the stats and `optimize`
    /// decide by the kind, never by reading a message.
    package indirect enum Kind: Sendable, Hashable {
        /// The action could not be carried out: a command that could not start, an HTTP request
        /// that got no answer, a file that could not be written, a refused value.
        case action
        /// The step's `expect` (or the action's default expectation) did not hold: an exit code, an
        /// HTTP status, the outcome's text.
        case expectation
        /// An `assert` whose condition was false, or a `fail` step.
        case assertion
        /// A template, a condition or an output that could not be evaluated.
        case template
        /// The step's time ran out: its own `timeout`, a calling step's, or the grace of `finally`.
        case timedOut
        /// Ended early because another step of its parallel group failed (`fail_fast`).
        case cancelled
        /// Ended by the run's interrupt (Ctrl-C, SIGTERM, SIGHUP).
        case interrupted
        /// The executor or an MCP server answered with an error, or could not be reached.
        case agent
        /// A called procedure failed; the kind of the step that failed in it.
        case procedure(Kind)
        /// A called procedure could not be started (not found, nested too deep, bad inputs).
        case call

        /// Whether this failure, or the one in a called procedure that caused it, is a
        /// cancellation by `fail_fast`.
        package var isCancellation: Bool {
            switch self {
            case .cancelled: true
            case .procedure(let inner): inner.isCancellation
            default: false
            }
        }
    }

    /// What kind of failure it is.
    package var kind: Kind
    /// Why, in procrun's own words, never quoting the step's output.
    package var message: String
    /// Why, as the terminal, the JSON report and MCP results show it.
    package var shown: String
    /// The failure as data, when it is at a position in a file.
    package var diagnostic: Diagnostic?

    /// The failure of a step the run's interrupt ended.
    package static var interrupted: StepFailure {
        StepFailure(.interrupted, Interrupts.message)
    }

    /// The message of a step cut short because a calling step's `timeout` ran out.
    package static let callTimedOut = StepProblem.callerTimedOut.described.message

    /// The failure of a step ended early because another step of its parallel group failed.
    static var cancelled: StepFailure {
        StepFailure(.cancelledByGroup)
    }

    /// A failure in procrun's words (``StepProblem``), followed, as shown, by `detail`: text quoted
    /// from the step's output, with its separator (`": ..."`, `"; it was '...'"`).
    package init(_ problem: StepProblem, quoting detail: String = "") {
        let (kind, message) = problem.described
        self.init(kind, message, quoting: detail)
    }

    /// A failure in another layer's words (a process's, a template's, the shell planner's), which
    /// quotes nothing from the step's output.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
        shown = message
    }

    /// A failure shown as `message` followed by `detail`, text quoted from the step's output
    /// (with its separator: `": ..."`, `"; it was '...'"`).
    package init(_ kind: Kind, _ message: String, quoting detail: String) {
        self.init(kind, message)
        shown = message + detail
    }

    /// A failure at a position in a file, written by ``DiagnosticRenderer/line(_:)``.
    package init(_ kind: Kind, _ diagnostic: Diagnostic) {
        self.init(kind, DiagnosticRenderer.line(diagnostic))
        self.diagnostic = diagnostic
    }

    /// A failure in procrun's words (``StepProblem``) shown as `shown`, the step's own words (an
    /// executor's `error`) when it gave some.
    package init(_ problem: StepProblem, shown: String?) {
        let (kind, message) = problem.described
        self.init(kind, cause: message, shown: shown ?? message)
    }

    /// A failure whose shown text is entirely the step's own words (an executor's `error`).
    package init(_ kind: Kind, cause: String, shown: String) {
        self.kind = kind
        message = cause
        self.shown = shown
    }
}
