/// Where inside a called procedure a call step failed: the chain of procedures down to the failed
/// step, that step's position, and its error.
public struct NestedFailure: Sendable {
    /// The calling procedure's name, each callee's, and last the failed step's name
    /// (`deploy_full_stack › deploy_backend › build`).
    public var chain: [String]
    /// `path:line:col` of the failed step (or the callee's file, for a failed output).
    public var location: String
    /// The failed step's own error.
    public var message: String

    /// The error a call step shows.
    public var description: String {
        let shown = chain.count > 12 ? chain.prefix(4) + ["…"] + chain.suffix(4) : chain[...]
        return "\(shown.joined(separator: " › ")) failed at \(location): \(message)"
    }
}
