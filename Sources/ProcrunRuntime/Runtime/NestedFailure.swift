package import ProcrunLanguage

/// Where inside a called procedure a call step failed: the chain of procedures down to the failed
/// step, that step's position, and its error.
package struct NestedFailure: Sendable {
    /// The calling procedure's name, each callee's, and last the failed step's name
    /// (`deploy_full_stack › deploy_backend › build`).
    package var chain: [String]
    /// `path:line:col` of the failed step (or the callee's file, for a failed output).
    package var location: String
    /// The failed step's own error, as shown.
    package var message: String
    /// The failed step's error in procrun's own words (see ``StepResult/cause``).
    package var cause: String
    /// The kind of the failed step's failure.
    package var kind: StepFailure.Kind

    /// Creates a nested failure.
    package init(chain: [String], location: String, message: String, cause: String, kind: StepFailure.Kind) {
        self.kind = kind
        self.chain = chain
        self.location = location
        self.message = message
        self.cause = cause
    }

    /// The error a call step shows.
    package var description: String { described(message) }

    /// The call step's error in procrun's own words, for the stats block.
    package var causeDescription: String { described(cause) }

    private func described(_ error: String) -> String {
        let shown = chain.count > 12 ? chain.prefix(4) + ["…"] + chain.suffix(4) : chain[...]
        return "\(shown.joined(separator: " › ")) failed at \(location): \(error)"
    }
}
