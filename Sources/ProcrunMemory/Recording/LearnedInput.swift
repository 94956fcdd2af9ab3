/// An input of a procedure recorded from several traces: a parameter whose value differed between
/// them (``TraceGeneralizer``).
package struct LearnedInput: Sendable, Hashable {
    /// The input's name: the parameter's, made unique.
    package var name: String
    /// Its type, from the values seen: `integer`, `number`, `boolean` or `string`.
    package var type: String
    /// Its default: the last trace's value, as text.
    package var defaultValue: String
    /// What it is, with the values seen.
    package var description: String
    /// The pattern its values must match, when it is spliced into code (``TraceGeneralizer/safePattern``).
    package var pattern: String?

    /// A learned input.
    package init(name: String, type: String, defaultValue: String, description: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
    }
}
