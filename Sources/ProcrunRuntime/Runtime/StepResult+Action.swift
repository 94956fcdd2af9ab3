import ProcrunLanguage
import ProcrunText

extension StepResult {
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
