extension StepResult {
    /// A result of `step`, as it stands before its action runs.
    init(of step: borrowing Step, status: StepStatus) {
        self.init(number: step.index + 1, id: step.id?.value, action: step.action.value, status: status)
    }

    /// Marks the result failed for `failure`.
    mutating func fail(_ failure: StepFailure) {
        status = .failed
        error = failure.shown
        cause = failure.message
        if failure.kind != failureKind { failureKind = failure.kind }
        if failure.diagnostic != nil || diagnostic != nil { diagnostic = failure.diagnostic }
    }

    /// The nanoseconds since `start`: a step's duration.
    static func nanoseconds(since start: ContinuousClock.Instant) -> UInt64 {
        let elapsed = ContinuousClock.now - start
        return UInt64(max(0, elapsed.components.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.components.attoseconds / 1_000_000_000))
    }
}
