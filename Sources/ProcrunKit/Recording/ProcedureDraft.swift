/// A procedure about to be written: what ``ProcedureWriter`` turns into YAML text.
public struct ProcedureDraft: Sendable {
    /// The name (an identifier).
    public var name: String
    /// What it does.
    public var description: String
    /// Words for finding it.
    public var tags: [String] = []
    /// Its version.
    public var version = 1
    /// Secret inputs that replace recorded secrets.
    public var inputs: [SecretInput] = []
    /// The steps.
    public var steps: [DraftStep]
    /// The initial stats block, if any.
    public var stats: DraftStats?

    /// A draft with steps and no stats.
    public init(name: String, description: String, steps: [DraftStep]) {
        self.name = name
        self.description = description
        self.steps = steps
    }
}

/// One step of a ``ProcedureDraft``.
public struct DraftStep: Sendable {
    /// The action.
    public var action: String
    /// The parameters in order.
    public var parameters: [(name: String, value: DraftValue)] = []
    /// The expected exit code, if any.
    public var exitCode: Int?
    /// Text the outcome must contain (literal, escaped when written).
    public var contains: [String] = []
    /// Notes for people.
    public var notes = ""

    /// A step with no parameters.
    public init(action: String) {
        self.action = action
    }
}

/// The stats block a recorded procedure starts with: one successful run.
public struct DraftStats: Sendable {
    /// How long the run took.
    public var durationMilliseconds: Int
    /// When, as ISO 8601 UTC.
    public var lastExecuted: String

    /// Stats of one successful run.
    public init(durationMilliseconds: Int, lastExecuted: String) {
        self.durationMilliseconds = durationMilliseconds
        self.lastExecuted = lastExecuted
    }
}
