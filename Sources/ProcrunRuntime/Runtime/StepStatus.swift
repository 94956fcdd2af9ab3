/// How a step ended.
public enum StepStatus: String, Sendable, Hashable {
    /// It ran and its outcome met every expectation.
    case success
    /// It ran and failed, or could not run.
    case failed
    /// Its `when` condition was false.
    case skipped
}
