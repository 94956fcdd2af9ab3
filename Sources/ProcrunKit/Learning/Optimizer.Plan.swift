extension Optimizer {
    /// The proposed change.
    public struct Plan: Sendable {
        /// Every step, assessed.
        public var steps: [StepAssessment]
        /// The new version number (unchanged when nothing is removed).
        public var version: Int
        /// The file's new bytes (equal to the old ones when nothing is removed).
        public var bytes: [UInt8]
        /// Remarks for the user: kept steps, refusals.
        public var notes: [String]
        /// Whether the plan changes the file.
        public var changes: Bool
    }
}
