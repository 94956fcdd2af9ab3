/// One step of a ``ProcedureDraft``.
public struct DraftStep: Sendable {
    /// The action.
    public var action: String
    /// The parameters in order.
    public var parameters: [(name: String, value: DraftValue)] = []
    /// The expected exit code, if any.
    public var exitCode: Int?
    /// Text the outcome must contain (literal, escaped when written).
    public var contains: [String] = []
    /// Notes for people.
    public var notes = ""
    /// The step's condition (`when`), if any: an expression over the inputs.
    public var when: String?

    /// A step with no parameters.
    public init(action: String) {
        self.action = action
    }
}
