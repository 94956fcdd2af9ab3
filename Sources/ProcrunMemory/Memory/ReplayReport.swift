import ProcrunLanguage
public import ProcrunRuntime

/// What a replay through ``ProceduralMemory/replay(_:inputs:adapt:executor:)`` did.
public struct ReplayReport: Sendable {
    /// One step's result.
    public struct Step: Sendable {
        /// The 1-based step number.
        public var number: Int
        /// The step's id, if it has one.
        public var id: String?
        /// The action.
        public var action: String
        /// The parameters it was given, after templates and adaptations.
        public var parameters: [String: String]
        /// `success`, `failed` or `skipped`.
        public var status: StepStatus
        /// What the executor returned.
        public var outcome = ""
        /// Why it failed.
        public var error: String?
        /// Wall time, in milliseconds.
        public var durationMilliseconds = 0
    }

    /// The procedure's name.
    public var procedure: String
    /// Whether every step succeeded or was skipped.
    public var success: Bool
    /// The steps that ran, in order (the run stops at the first failure).
    public var steps: [Step]
    /// Why the replay could not be recorded in the file's stats, when it could not.
    public var statsNotSaved: String?
}
