/// How the interpreter runs a procedure.
public struct RunOptions: Sendable {
    /// Stream each command's output to the observer as it comes.
    public var streamOutput = false
    /// Describe side-effecting steps instead of running them.
    public var dryRun = false

    /// The defaults.
    public init() {}
}
