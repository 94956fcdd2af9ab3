/// How the interpreter runs a procedure.
public struct RunOptions: Sendable {
    /// Stream each command's output to the observer as it comes.
    public var streamOutput = false
    /// The longest a step may run when it sets no `timeout` of its own (`--timeout`); nil leaves it
    /// to the library's `defaults.timeout`.
    public var defaultTimeout: Duration?
    /// Describe side-effecting steps instead of running them.
    public var dryRun = false

    /// The defaults.
    public init() {}
}
