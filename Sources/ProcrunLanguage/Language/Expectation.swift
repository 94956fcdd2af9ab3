/// What a step's outcome must be for the step to succeed.
package struct Expectation: Sendable {
    /// Accepted exit codes; nil means the action's default (0 for commands).
    package var exitCodes: [Int]?
    /// Accepted HTTP statuses; nil means 200–299.
    package var statusCodes: [Int]?
    /// Text the outcome must contain.
    package var contains: [TemplateField] = []
    /// Text the outcome must not contain.
    package var notContains: [TemplateField] = []
    /// A regular expression the outcome must match, with its source text.
    package var matches: CompiledRegex?
    /// Text the outcome (without trailing newlines) must equal.
    package var equals: TemplateField?
    /// Text standard error must contain.
    package var stderrContains: [TemplateField] = []

    /// Appends every template in the expectation to `fields`, for checking (the checker reuses one array).
    func collectTemplates(into fields: inout [TemplateField]) {
        fields += contains
        fields += notContains
        fields += stderrContains
        if let equals { fields.append(equals) }
    }
}
