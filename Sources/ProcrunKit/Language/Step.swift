/// One step of a procedure, as read and checked from its file.
public struct Step: Sendable {
    /// The 0-based position in the procedure.
    public var index: Int
    /// Where the step's mapping starts.
    public var location: SourceLocation
    /// The optional unique id.
    public var id: Located<String>?
    /// The action's name as written.
    public var action: Located<String>
    /// The action with its parameters, compiled.
    public var call: ActionCall
    /// What the outcome must be.
    public var expect = Expectation()
    /// The condition that must hold for the step to run.
    public var when: Condition?
    /// The longest the step may run.
    public var timeout: Duration?
    /// How it is retried.
    public var retry = RetryPolicy()
    /// What a failure does to the run.
    public var onFailure = FailurePolicy.abort
    /// Named values computed from the step's own result.
    public var outputs: [(name: String, field: TemplateField)] = []
    /// Free text for people.
    public var notes = ""

    /// How reports name the step: its id, or `#N`.
    public var displayName: String { id?.value ?? "#\(index + 1)" }
}
