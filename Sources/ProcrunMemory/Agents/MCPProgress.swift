/// How a `run_procedure` call is going, as the server sends it to a client that asked for
/// progress: an MCP progress notification, and a log message for a failed step.
package struct MCPProgress: Sendable, Equatable {
    /// How many steps have finished so far.
    package var progress: Int
    /// How many steps the procedure has (a parallel group's and the `finally` steps included).
    package var total: Int?
    /// One line for people: the step's number, its id (or action), its status and, once it
    /// finished, its time (`step 2/4 build: success (1.2s)`).
    package var message: String
    /// For a step that failed: why, in one line (`step 3/4 check failed: expected exit code 0,
    /// got 3`), the JSON report's `error` of the step.
    package var failure: String?

    /// An update with these fields.
    package init(progress: Int, total: Int?, message: String, failure: String? = nil) {
        self.progress = progress
        self.total = total
        self.message = message
        self.failure = failure
    }
}
