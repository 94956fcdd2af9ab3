/// How a failed step is retried.
package struct RetryPolicy: Sendable, Hashable {
    /// How many more attempts after the first.
    package var count = 0
    /// The wait before the first retry.
    package var delay: Duration = .seconds(1)
    /// The factor each later wait is multiplied by.
    package var backoff = 1.0
}
