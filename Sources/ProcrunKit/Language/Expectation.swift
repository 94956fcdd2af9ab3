/// What a step's outcome must be for the step to succeed.
public struct Expectation: Sendable {
    /// Accepted exit codes; nil means the action's default (0 for commands).
    public var exitCodes: [Int]?
    /// Accepted HTTP statuses; nil means 200–299.
    public var statusCodes: [Int]?
    /// Text the outcome must contain.
    public var contains: [TemplateField] = []
    /// Text the outcome must not contain.
    public var notContains: [TemplateField] = []
    /// A regular expression the outcome must match, with its source text.
    public var matches: CompiledRegex?
    /// Text the outcome (without trailing newlines) must equal.
    public var equals: TemplateField?
    /// Text standard error must contain.
    public var stderrContains: [TemplateField] = []

    /// Appends every template in the expectation to `fields`, for checking (the checker reuses one array).
    func collectTemplates(into fields: inout [TemplateField]) {
        fields += contains
        fields += notContains
        fields += stderrContains
        if let equals { fields.append(equals) }
    }
}

/// How a failed step is retried.
public struct RetryPolicy: Sendable, Hashable {
    /// How many more attempts after the first.
    public var count = 0
    /// The wait before the first retry.
    public var delay: Duration = .seconds(1)
    /// The factor each later wait is multiplied by.
    public var backoff = 1.0
}

/// What happens to the run when a step fails.
public enum FailurePolicy: String, Sendable, Hashable {
    /// End the run.
    case abort
    /// Record the failure and go on.
    case `continue`
}
