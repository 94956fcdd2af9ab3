/// An input a recording declares: a parameter whose value differed between traces
/// (``TraceGeneralizer``), a value named at the prompt (``InputOffer``), or an input an agent
/// declared to MCP's `record_procedure` (``DeclaredInput``).
package struct LearnedInput: Sendable, Hashable {
    /// The input's name: the parameter's, made unique.
    package var name: String
    /// Its type, from the values seen: `integer`, `number`, `boolean` or `string`.
    package var type: String
    /// Its default as it is written (a `string` input's as text, quoted when written; any other
    /// type's as YAML); nil for none.
    package var defaultValue: String?
    /// What it is, with the values seen; empty for nothing written.
    package var description: String
    /// The pattern its values must match, when it is spliced into code (``TraceGeneralizer/safePattern``).
    package var pattern: String?
    /// Whether a run must give it (`required: true`).
    package var required = false
    /// Whether its value is secret (`secret: true`): a declared input in the place of a recorded secret.
    package var secret = false

    /// A learned input.
    package init(name: String, type: String, defaultValue: String?, description: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
    }
}
