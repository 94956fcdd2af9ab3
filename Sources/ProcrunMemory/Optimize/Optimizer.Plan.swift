extension Optimizer {
    /// The proposed change.
    package struct Plan: Sendable {
        /// Every step, assessed.
        package var steps: [StepAssessment]
        /// The new version number (unchanged when nothing is removed).
        package var version: Int
        /// The file's new bytes (equal to the old ones when nothing is removed).
        package var bytes: [UInt8]
        /// Remarks for the user: kept steps, refusals.
        package var notes: [String]
        /// Whether the plan changes the file.
        package var changes: Bool
    }
}
