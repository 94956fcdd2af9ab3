/// What happens to the run when a step fails.
package enum FailurePolicy: String, Sendable, Hashable {
    /// End the run.
    case abort
    /// Record the failure and go on.
    case `continue`
}
