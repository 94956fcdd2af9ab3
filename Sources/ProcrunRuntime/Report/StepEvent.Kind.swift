extension StepEvent {
    /// Whether the step started or finished.
    package enum Kind: String, Sendable {
        /// It is about to run (its `when` held).
        case started = "step_started"
        /// It ended: ran, failed or was skipped.
        case finished = "step_finished"
    }
}
