package import ProcrunRuntime

/// A procedure about to be written: what ``ProcedureWriter`` turns into YAML text.
package struct ProcedureDraft: Sendable {
    /// The name (an identifier).
    package var name: String
    /// What it does.
    package var description: String
    /// Words for finding it.
    package var tags: [String] = []
    /// Its version.
    package var version = 1
    /// Secret inputs that replace recorded secrets.
    package var inputs: [SecretInput] = []
    /// Inputs learned from values that differed between recordings (``TraceGeneralizer``).
    package var learnedInputs: [LearnedInput] = []
    /// The folder its commands run in (`cwd`), relative to its file's folder; nil for that folder.
    package var workingDirectory: String?
    /// The steps.
    package var steps: [DraftStep]
    /// The initial stats block, if any.
    package var stats: DraftStats?

    /// A draft with steps and no stats.
    package init(name: String, description: String, steps: [DraftStep]) {
        self.name = name
        self.description = description
        self.steps = steps
    }
}
