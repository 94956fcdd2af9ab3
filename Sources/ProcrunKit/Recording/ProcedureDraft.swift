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
    /// Inputs learned from values that differed between recordings (``TraceGeneralizer``).
    public var learnedInputs: [LearnedInput] = []
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
