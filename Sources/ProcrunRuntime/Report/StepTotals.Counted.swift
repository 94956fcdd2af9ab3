extension StepTotals {
    /// One counted step: its result, the procedures it was called through, and its file.
    package struct Counted {
        /// How the step ended.
        package var result: StepResult
        /// The names of the procedures it was called through, below the run's own (`middle`,
        /// `bottom`); empty for a step of the run's own procedure.
        package var callers: [String]
        /// The file of the procedure the step belongs to.
        package var file: String

        /// The step's name in a report: its label after its callers (`middle › bottom › build`).
        package var name: String {
            (callers + [result.label]).joined(separator: " › ")
        }
    }
}
