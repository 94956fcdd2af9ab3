/// An input of a procedure recorded from several traces: a parameter whose value differed between
/// them (``TraceGeneralizer``).
public struct LearnedInput: Sendable, Hashable {
    /// The input's name: the parameter's, made unique.
    public var name: String
    /// Its type, from the values seen: `integer`, `number`, `boolean` or `string`.
    public var type: String
    /// Its default: the last trace's value, as text.
    public var defaultValue: String
    /// What it is, with the values seen.
    public var description: String

    /// A learned input.
    public init(name: String, type: String, defaultValue: String, description: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
    }
}
