import ProcrunText

/// One action as it was performed while recording: what was done, what came of it, how long it took.
///
/// A ``Recorder`` collects these; only the ones that succeeded become steps of the procedure.
public struct RecordedStep: Sendable, Hashable {
    /// The action's name (`shell`, `log`, a library action, or an agent's own action).
    public var action: String
    /// The parameters it was performed with, in the order given.
    public var parameters: [RecordedParameter]
    /// What it produced (for a command, its standard output).
    public var outcome: String
    /// What a command wrote to its standard error (an action log's `stderr`).
    public var stderr = ""
    /// The exit code, when the action was a command.
    public var exitCode: Int?
    /// Whether it succeeded.
    public var succeeded: Bool
    /// How long it took, in milliseconds.
    public var durationMilliseconds: Int
    /// Notes added by hand (`:note`).
    public var notes: [String] = []
    /// Text the outcome must contain, added by hand (`:expect`).
    public var expectations: [String] = []
    /// The action log line it came from, if any.
    public var sourceLine: Int?

    /// A recorded action.
    public init(
        action: String, parameters: [RecordedParameter] = [], outcome: String = "", exitCode: Int? = nil, succeeded: Bool = true,
        durationMilliseconds: Int = 0
    ) {
        self.action = action
        self.parameters = parameters
        self.outcome = outcome
        self.exitCode = exitCode
        self.succeeded = succeeded
        self.durationMilliseconds = max(0, durationMilliseconds)
    }

    /// A recorded action whose parameters are all text, written in name order.
    public init(action: String, parameters: [String: String], outcome: String = "", succeeded: Bool = true, durationMilliseconds: Int = 0) {
        self.init(
            action: action, parameters: parameters.keys.sorted().map { RecordedParameter($0, .string(parameters[$0] ?? "")) },
            outcome: outcome, succeeded: succeeded, durationMilliseconds: durationMilliseconds)
    }

    /// A `shell` step running `command`.
    public static func shell(_ command: String, output: String, exitCode: Int, durationMilliseconds: Int) -> RecordedStep {
        RecordedStep(
            action: "shell", parameters: [RecordedParameter("command", .string(command))], outcome: output, exitCode: exitCode,
            succeeded: exitCode == 0, durationMilliseconds: durationMilliseconds)
    }
}
