/// One step of a ``ProcedureDraft``.
package struct DraftStep: Sendable {
    /// The step's id, if any (``StepNamer``).
    package var id: String?
    /// The action.
    package var action: String
    /// The parameters in order.
    package var parameters: [(name: String, value: DraftValue)] = []
    /// The expected exit code, if any.
    package var exitCode: Int?
    /// Text the outcome must contain (literal, escaped when written).
    package var contains: [String] = []
    /// Text standard error must contain (literal, escaped when written).
    package var stderrContains: [String] = []
    /// Notes for people.
    package var notes = ""
    /// The step's condition (`when`), if any: an expression over the inputs.
    package var when: String?

    /// A step with no parameters.
    package init(action: String) {
        self.action = action
    }
}
